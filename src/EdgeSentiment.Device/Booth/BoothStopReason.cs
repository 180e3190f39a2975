namespace EdgeSentiment.Device.Booth;

/// <summary>Why a review ended.</summary>
public enum BoothStopReason
{
    /// <summary>The viewer pressed the button again, or the technician ran <c>booth stop</c>.</summary>
    Stopped,

    /// <summary>No speech for <see cref="BoothOptions.EndOfSpeechSeconds"/>.</summary>
    EndOfSpeech,

    /// <summary>The review reached <see cref="BoothOptions.MaxReviewSeconds"/>.</summary>
    TimeLimit,

    /// <summary>The agent is stopping; what was recorded is sealed as it is.</summary>
    Shutdown,
}
