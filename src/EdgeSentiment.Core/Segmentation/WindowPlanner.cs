namespace EdgeSentiment.Core.Segmentation;

/// <summary>
/// Cuts a finished recording into analysis windows: one every hop from the start, plus one aligned
/// to the end when the last regular window stops short of it, so the tail is never dropped.
/// </summary>
/// <remarks>
/// A 2.39 s recording with 2 s windows every 0.5 s gets [0, 2.0) and [0.39, 2.39). A recording
/// shorter than one window gets a single window, zero-padded; an empty one gets none.
/// </remarks>
public sealed class WindowPlanner
{
    public WindowPlanner(AnalysisWindowSettings settings, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        SampleRate = sampleRate;
        WindowSamples = settings.WindowSamples(sampleRate);
        HopSamples = settings.HopSamples(sampleRate);
        if (WindowSamples <= 0 || HopSamples <= 0)
        {
            throw new ArgumentException(
                $"window ({settings.WindowSeconds} s) and hop ({settings.HopSeconds} s) must each be at least one sample at {sampleRate} Hz.",
                nameof(settings));
        }
    }

    public int SampleRate { get; }

    public int WindowSamples { get; }

    public int HopSamples { get; }

    /// <summary>The windows of a recording of <paramref name="sampleCount"/> samples, in time order.</summary>
    public IReadOnlyList<PlannedWindow> Plan(int sampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        if (sampleCount == 0)
        {
            return [];
        }

        if (sampleCount < WindowSamples)
        {
            return [new PlannedWindow(0, sampleCount)];
        }

        var regular = RegularCount(sampleCount);
        var lastEnd = ((regular - 1) * HopSamples) + WindowSamples;
        var windows = new List<PlannedWindow>(regular + 1);
        for (var i = 0; i < regular; i++)
        {
            windows.Add(new PlannedWindow(i * HopSamples, WindowSamples));
        }

        if (lastEnd < sampleCount)
        {
            windows.Add(new PlannedWindow(sampleCount - WindowSamples, WindowSamples));
        }

        return windows;
    }

    /// <summary>Windows that start on the hop grid and fit entirely: what a live stream yields.</summary>
    public int RegularCount(int sampleCount) =>
        sampleCount < WindowSamples ? 0 : 1 + ((sampleCount - WindowSamples) / HopSamples);

    /// <summary>Copies <paramref name="window"/> of <paramref name="recording"/> into <paramref name="destination"/>, zero-padding the rest.</summary>
    public void Fill(ReadOnlySpan<float> recording, PlannedWindow window, Span<float> destination)
    {
        if (destination.Length != WindowSamples)
        {
            throw new ArgumentException($"the destination must hold one window of {WindowSamples} samples, it holds {destination.Length}.", nameof(destination));
        }

        recording.Slice(window.Start, window.Length).CopyTo(destination);
        destination[window.Length..].Clear();
    }

    public TimeSpan StartTime(PlannedWindow window) => TimeSpan.FromSeconds((double)window.Start / SampleRate);
}
