namespace EdgeSentiment.Cli.Reviews;

/// <summary>The end of one part's arrival: the review, and for a written one the sizes of its two files.</summary>
public sealed record ReviewArrival(ReviewArrivalKind Kind, string Id, long AudioBytes = 0, long DocumentBytes = 0, string Problem = "");
