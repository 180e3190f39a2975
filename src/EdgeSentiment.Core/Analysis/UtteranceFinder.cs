namespace EdgeSentiment.Core.Analysis;

/// <summary>
/// Joins a recording's speech windows into utterances, the unit words are transcribed and fused
/// in: windows that the detector passed and that overlap or touch belong to one utterance. A run
/// longer than <see cref="MaxSeconds"/> is cut there, so one long speech does not become a single
/// transcript that no sentence-level text model was trained on.
/// </summary>
public sealed class UtteranceFinder
{
    public UtteranceFinder(double maxSeconds = 20.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSeconds);
        MaxSeconds = maxSeconds;
    }

    public double MaxSeconds { get; }

    /// <summary>The utterances among <paramref name="windows"/> (in time order), in time order.</summary>
    public IReadOnlyList<Utterance> Find(IReadOnlyList<WindowResult> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var utterances = new List<Utterance>();
        var first = -1;
        for (var i = 0; i <= windows.Count; i++)
        {
            var speech = i < windows.Count && windows[i].IsSpeech;
            if (first >= 0 && speech)
            {
                var touches = windows[i].Start <= windows[i - 1].End;
                var tooLong = (windows[i].End - windows[first].Start).TotalSeconds > MaxSeconds;
                if (touches && !tooLong)
                {
                    continue;
                }
            }

            if (first >= 0)
            {
                utterances.Add(new Utterance(windows[first].Start, windows[i - 1].End, first, i - first));
                first = -1;
            }

            if (speech)
            {
                first = i;
            }
        }

        return utterances;
    }
}
