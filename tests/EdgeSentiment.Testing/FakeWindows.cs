using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Testing;

/// <summary>Stand-ins for the model: results decided by the audio itself, so tests need no ONNX file.</summary>
public static class FakeWindows
{
    /// <summary>Speech when the window is loud; the label follows the sign of its mean (negative, ~0 neutral, positive).</summary>
    public static WindowResult BySign(ReadOnlySpan<float> window, TimeSpan start)
    {
        double sum = 0;
        double energy = 0;
        foreach (var sample in window)
        {
            sum += sample;
            energy += sample * sample;
        }

        var mean = sum / window.Length;
        var level = (float)(10 * Math.Log10(Math.Max(energy / window.Length, 1e-20)));
        var scores = mean > 0.05 ? new SentimentScores(0.1f, 0.1f, 0.8f)
            : mean < -0.05 ? new SentimentScores(0.8f, 0.1f, 0.1f)
            : new SentimentScores(0.1f, 0.8f, 0.1f);
        return new WindowResult(start, start + TimeSpan.FromSeconds(2), level > -50, scores, level);
    }

    /// <summary>Like <see cref="BySign"/>, but takes <paramref name="delay"/> per window: a slow board.</summary>
    public static ClassifyWindow Slow(TimeSpan delay) => (window, start) =>
    {
        Thread.Sleep(delay);
        return BySign(window, start);
    };

    /// <summary>Constant samples: <paramref name="value"/> for <paramref name="seconds"/> at 16 kHz.</summary>
    public static float[] Constant(float value, double seconds)
    {
        var samples = new float[(int)(seconds * 16000)];
        Array.Fill(samples, value);
        return samples;
    }
}
