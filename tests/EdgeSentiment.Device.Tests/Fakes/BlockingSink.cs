using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Tests.Fakes;

/// <summary>A sink that never returns from its first update and ignores cancellation, like a hung disk.</summary>
public sealed class BlockingSink : IMoodSink
{
    private readonly TaskCompletionSource _never = new();

    public string Name => "blocking";

    public async ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken) => await _never.Task;
}
