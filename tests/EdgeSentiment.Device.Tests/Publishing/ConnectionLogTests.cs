using System.Text.RegularExpressions;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Publishing;

public sealed class ConnectionLogTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task Connect_RepeatedFailures_LoggedOncePerReasonThenAtDebugAndTheReconnectCountsThem()
    {
        var port = MosquittoBroker.FreePort();
        await using var run = await PublisherRun.StartAsync(PublisherRun.TlsOptions(port, _certificates), store => PublisherRun.AddMinute(store, 0));

        // Nothing listens: refused, again and again.
        Assert.True(await Eventually.Within(Patience, () => run.Logger.Count(LogEvents.MqttConnectFailed) >= 3));
        var refused = Entries(run, LogEvents.MqttConnectFailed);
        Assert.Equal(LogLevel.Warning, refused[0].Level);
        Assert.Contains("check that the broker runs", refused[0].Message, StringComparison.Ordinal);
        Assert.All(refused.Skip(1), e => Assert.Equal(LogLevel.Debug, e.Level));

        // A broker with a certificate from another CA: a new reason, so one Error, then Debug again.
        using (new MosquittoBroker(_certificates.CaFile, _certificates.OtherCaServer, port: port))
        {
            Assert.True(await Eventually.Within(Patience, () => run.Logger.Count(LogEvents.MqttCertificateRefused) >= 3));
            var distrusted = Entries(run, LogEvents.MqttCertificateRefused);
            Assert.Equal(LogLevel.Error, distrusted[0].Level);
            Assert.Contains("is not issued by the CA in Mqtt:CaFile", distrusted[0].Message, StringComparison.Ordinal);
            Assert.All(distrusted.Skip(1), e => Assert.Equal(LogLevel.Debug, e.Level));
            Assert.Single(run.Logger.Collector.GetSnapshot(), e => e.Level >= LogLevel.Error);
        }

        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server, port: port);
        Assert.True(await Eventually.Within(Patience, () => run.Logger.Count(LogEvents.MqttReconnected) == 1), broker.Log);

        var failed = run.Logger.Count(LogEvents.MqttConnectFailed) + run.Logger.Count(LogEvents.MqttCertificateRefused);
        var reconnected = Entries(run, LogEvents.MqttReconnected).Single();
        Assert.Equal(LogLevel.Information, reconnected.Level);
        Assert.Contains($"after {failed} failed attempts", reconnected.Message, StringComparison.Ordinal);
        Assert.Equal(0, run.Logger.Count(LogEvents.MqttConnected));
        Assert.Equal(0, run.Publisher.GetStatus().FailedAttempts);
        Assert.True(failed >= 6);

        // Above Debug exactly when the reason differs from the attempt before (killing a broker may add one).
        var attempts = run.Logger.Collector.GetSnapshot().Where(e => e.Id.Id is LogEvents.MqttConnectFailed or LogEvents.MqttCertificateRefused).ToList();
        for (var i = 1; i < attempts.Count; i++)
        {
            var changed = Reason(attempts[i].Message) != Reason(attempts[i - 1].Message);
            Assert.True(changed == attempts[i].Level > LogLevel.Debug, $"attempt {i} at {attempts[i].Level}: {attempts[i].Message} (before: {attempts[i - 1].Message})");
        }
    }

    private static string Reason(string message)
    {
        var match = Regex.Match(message, @"MQTT broker \S+: (?<reason>.*?); (?:check that|nothing is sent)");
        Assert.True(match.Success, message);
        return match.Groups["reason"].Value;
    }

    private static List<FakeLogRecord> Entries(PublisherRun run, int eventId) =>
        run.Logger.Collector.GetSnapshot().Where(e => e.Id.Id == eventId).ToList();
}
