using EdgeSentiment.Device.Transcription;

namespace EdgeSentiment.Device.Tests.Transcription;

public sealed class AudioHistoryTests
{
    [Fact]
    public void TryCopy_SamplesAcrossTheRingsEnd_AreReadInOrder()
    {
        var history = new AudioHistory(10);
        history.Write(Ramp(0, 7), 0);
        history.Write(Ramp(7, 6), 7);

        var copy = new float[5];
        Assert.True(history.TryCopy(8, copy));

        Assert.Equal(Ramp(8, 5), copy);
    }

    [Fact]
    public void TryCopy_SamplesAlreadyOverwritten_IsFalse()
    {
        var history = new AudioHistory(10);
        history.Write(Ramp(0, 25), 0);

        Assert.False(history.TryCopy(14, new float[4]));
        Assert.True(history.TryCopy(15, new float[4]));
    }

    [Fact]
    public void TryCopy_SamplesNotYetReceived_IsFalse()
    {
        var history = new AudioHistory(10);
        history.Write(Ramp(0, 5), 0);

        Assert.False(history.TryCopy(3, new float[4]));
    }

    [Fact]
    public void Clear_SamplesHeld_AreGoneAndLaterOnesKept()
    {
        var history = new AudioHistory(10);
        history.Write(Ramp(0, 8), 0);

        history.Clear();
        history.Write(Ramp(8, 4), 8);

        Assert.False(history.TryCopy(6, new float[4]));
        var copy = new float[4];
        Assert.True(history.TryCopy(8, copy));
        Assert.Equal(Ramp(8, 4), copy);
    }

    private static float[] Ramp(int from, int count) => [.. Enumerable.Range(from, count).Select(i => (float)i)];
}
