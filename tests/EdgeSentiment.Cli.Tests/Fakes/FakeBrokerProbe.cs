using EdgeSentiment.Cli.Doctor;
using EdgeSentiment.Device.Publishing;

namespace EdgeSentiment.Cli.Tests.Fakes;

/// <summary>A broker connection that ends the way the test says, and remembers the time limit it was given.</summary>
public sealed class FakeBrokerProbe : IBrokerProbe
{
    public BrokerOutcome Outcome { get; init; } = new(BrokerOutcomeKind.Connected, "connected");

    public TimeSpan? Timeout { get; private set; }

    public Task<BrokerOutcome> ConnectAsync(BrokerConnectionOptions connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Timeout = timeout;
        return Task.FromResult(Outcome);
    }
}
