namespace EdgeSentiment.Core.Analysis;

/// <summary>Which windows a recording's verdict averages.</summary>
public enum VerdictBasis
{
    /// <summary>The windows with speech in them: the normal case.</summary>
    SpeechWindows = 0,

    /// <summary>No window had speech, so every window counts rather than leaving the recording undecided.</summary>
    AllWindows = 1,
}
