using EdgeSentiment.Device.Publishing;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>Makes one test connection to the broker; the seam that lets the broker check be tested without one.</summary>
public interface IBrokerProbe
{
    Task<BrokerOutcome> ConnectAsync(BrokerConnectionOptions connection, TimeSpan timeout, CancellationToken cancellationToken);
}
