using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Segmentation;

public sealed class WindowOverlapTests
{
    private const int Window = 32000;
    private const int Hop = 8000;
    private readonly float[] _audio = Signals.Noise(4, 0.1);
    private readonly WindowOverlap _overlap = new(Window, Hop);

    [Fact]
    public void Follow_FirstWindow_IsZero() => Assert.Equal(0, _overlap.Follow(At(0)));

    [Fact]
    public void Follow_WindowOneHopOn_IsTheHop()
    {
        _overlap.Follow(At(0));

        Assert.Equal(Hop, _overlap.Follow(At(Hop)));
        Assert.Equal(Hop, _overlap.Follow(At(2 * Hop)));
    }

    [Fact]
    public void Follow_WindowAfterADroppedOne_IsZero()
    {
        _overlap.Follow(At(0));

        Assert.Equal(0, _overlap.Follow(At(2 * Hop)));
    }

    [Fact]
    public void Follow_SameWindowAgain_IsZero()
    {
        _overlap.Follow(At(Hop));

        Assert.Equal(0, _overlap.Follow(At(Hop)));
    }

    [Fact]
    public void Follow_OneSharedSampleDiffers_IsZero()
    {
        _overlap.Follow(At(0));
        var next = At(Hop);
        next[Window - Hop - 1] += 1e-6f;

        Assert.Equal(0, _overlap.Follow(next));
    }

    [Fact]
    public void Follow_AfterForget_IsZero()
    {
        _overlap.Follow(At(0));
        _overlap.Forget();

        Assert.Equal(0, _overlap.Follow(At(Hop)));
    }

    [Fact]
    public void Follow_WrongWindowLength_Throws() =>
        Assert.Throws<ArgumentException>(() => _overlap.Follow(new float[Window - 1]));

    [Fact]
    public void Follow_AfterWarmUp_AllocatesNothing()
    {
        var first = At(0);
        var second = At(Hop);

        Assert.Equal(0, Allocations.FewestBytes(() =>
        {
            _overlap.Follow(first);
            _overlap.Follow(second);
        }));
    }

    private float[] At(int start) => _audio.AsSpan(start, Window).ToArray();
}
