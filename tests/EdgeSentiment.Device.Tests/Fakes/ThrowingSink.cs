using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Tests.Fakes;

/// <summary>A sink that fails on every update, like a publisher whose broker is down.</summary>
public sealed class ThrowingSink : IMoodSink
{
    private int _calls;

    public string Name => "throwing";

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        throw new IOException("broker unreachable");
    }
}
