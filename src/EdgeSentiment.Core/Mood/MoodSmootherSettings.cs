namespace EdgeSentiment.Core.Mood;

/// <summary>How steady the shown mood is; see docs/mood.md. Counts are in analysis windows (0.5 s apart by default).</summary>
public sealed record MoodSmootherSettings
{
    public static MoodSmootherSettings Default { get; } = new();

    /// <summary>Time constant of the moving average of the probabilities, in windows.</summary>
    public double TimeConstantWindows { get; init; } = 3;

    /// <summary>A new leader must beat the current mood's smoothed probability by this much...</summary>
    public double SwitchMargin { get; init; } = 0.10;

    /// <summary>...in this many consecutive speech windows before the mood switches.</summary>
    public int SwitchWindows { get; init; } = 2;

    /// <summary>
    /// Consecutive windows without audience speech after which the mood is <see cref="AudienceMood.NoSpeech"/>,
    /// or <see cref="AudienceMood.Film"/> when most of the last this many were the film's.
    /// </summary>
    public int NoSpeechWindows { get; init; } = 3;

    /// <summary>Weight of the newest window in the moving average: 1 - exp(-1 / time constant).</summary>
    public double Alpha => 1 - Math.Exp(-1 / TimeConstantWindows);

    /// <summary>
    /// Speech windows from a sudden, complete change (one label certain, then another certain) to
    /// the switch: the average needs ceil(tau ln(2 / (1 - margin))) windows to clear the margin,
    /// then the switch waits <see cref="SwitchWindows"/> - 1 more. 4 with the defaults.
    /// </summary>
    public int FullSwingSwitchWindows =>
        (int)Math.Ceiling(TimeConstantWindows * Math.Log(2 / (1 - SwitchMargin))) + SwitchWindows - 1;

    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!(TimeConstantWindows > 0))
        {
            throw new ArgumentException($"TimeConstantWindows must be above 0, it is {TimeConstantWindows}.");
        }

        if (!(SwitchMargin >= 0 && SwitchMargin < 1))
        {
            throw new ArgumentException($"SwitchMargin must be in [0, 1), it is {SwitchMargin}.");
        }

        if (SwitchWindows < 1 || NoSpeechWindows < 1)
        {
            throw new ArgumentException($"SwitchWindows and NoSpeechWindows must be at least 1, they are {SwitchWindows} and {NoSpeechWindows}.");
        }
    }
}
