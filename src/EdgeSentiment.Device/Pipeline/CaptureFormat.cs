using EdgeSentiment.Core.Features;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>The format every source delivers: mono float samples at the model's rate.</summary>
public static class CaptureFormat
{
    /// <summary>The rate the features and the model expect; sources resample to it.</summary>
    public static int SampleRate => LogMelSettings.Default.SampleRate;
}
