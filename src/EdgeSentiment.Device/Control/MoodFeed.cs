using System.Threading.Channels;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Control;

/// <summary>
/// The control API's view of the pipeline: the latest update (for the status) and a live copy of
/// every update for each <c>tail</c>. A sink like the others, on its own queue; each follower has a
/// small bounded queue of its own that drops its oldest updates, so a slow reader never holds up
/// the pipeline or the other followers.
/// </summary>
public sealed class MoodFeed : IMoodSink
{
    private const int FollowerCapacity = 64;

    private readonly Lock _gate = new();
    private readonly List<Channel<MoodUpdate>> _followers = [];
    private MoodUpdate? _latest;

    public string Name => "control";

    /// <summary>The latest update, or null before the first.</summary>
    public MoodUpdate? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    public int FollowerCount
    {
        get
        {
            lock (_gate)
            {
                return _followers.Count;
            }
        }
    }

    public ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _latest = update;
            foreach (var follower in _followers)
            {
                follower.Writer.TryWrite(update);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Starts a follower that receives every later update (the latest one first, when there is one);
    /// dispose it to stop.
    /// </summary>
    public MoodFollower Follow()
    {
        var channel = Channel.CreateBounded<MoodUpdate>(new BoundedChannelOptions(FollowerCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            if (_latest is { } latest)
            {
                channel.Writer.TryWrite(latest);
            }

            _followers.Add(channel);
        }

        return new MoodFollower(channel.Reader, () => Unfollow(channel));
    }

    private void Unfollow(Channel<MoodUpdate> channel)
    {
        lock (_gate)
        {
            _followers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }
}
