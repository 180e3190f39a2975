namespace EdgeSentiment.Core.Analysis;

/// <summary>Which windows a recording's verdict averages.</summary>
public enum VerdictBasis
{
    /// <summary>The windows with speech in them: the normal case.</summary>
    SpeechWindows = 0,

    /// <summary>No window had speech: the recording has no sentiment; its scores are the mean of every window.</summary>
    NoSpeech = 1,
}
