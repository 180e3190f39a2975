namespace EdgeSentiment.Cli.Doctor;

/// <summary>The end of a test connection and the reason in words.</summary>
public sealed record BrokerOutcome(BrokerOutcomeKind Kind, string Detail);
