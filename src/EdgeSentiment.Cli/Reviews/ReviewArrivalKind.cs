namespace EdgeSentiment.Cli.Reviews;

/// <summary>What a part that arrived did to its review.</summary>
public enum ReviewArrivalKind
{
    /// <summary>Kept sealed; the review's other part has not arrived yet.</summary>
    Waiting = 0,

    /// <summary>Both parts were there and opened: <c>ID.opus</c> and <c>ID.json</c> are written.</summary>
    Written,

    /// <summary>The review was already written; the part was dropped.</summary>
    AlreadyHere,

    /// <summary>A part did not open with the studio's identity; both are kept sealed in <c>rejected/</c>.</summary>
    Rejected,
}
