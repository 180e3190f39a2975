using System.Threading.Channels;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Control;

/// <summary>One reader of <see cref="MoodFeed"/>'s live updates; disposing it stops the updates.</summary>
public sealed class MoodFollower : IDisposable
{
    private readonly Action _stop;
    private int _stopped;

    internal MoodFollower(ChannelReader<MoodUpdate> updates, Action stop)
    {
        Updates = updates;
        _stop = stop;
    }

    public ChannelReader<MoodUpdate> Updates { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _stop();
        }
    }
}
