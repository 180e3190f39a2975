using EdgeSentiment.Core.Features;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeSentiment.Cli.Tests.Training;

/// <summary>Model input of the contract's shape filled with log-mel-like values (-15 to -5), for running a trained graph.</summary>
internal static class RandomLogMel
{
    public static DenseTensor<float> Windows(int count, int seed, LogMelSettings? features = null)
    {
        var settings = features ?? LogMelSettings.Default;
        var input = new DenseTensor<float>([count, settings.FrameCount(32000), settings.MelBands]);
        var random = new Random(seed);
        for (var i = 0; i < input.Length; i++)
        {
            input.SetValue(i, (float)(random.NextDouble() * 10) - 15f);
        }

        return input;
    }
}
