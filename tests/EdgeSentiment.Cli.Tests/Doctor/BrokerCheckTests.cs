using EdgeSentiment.Cli.Doctor;
using EdgeSentiment.Cli.Tests.Fakes;

namespace EdgeSentiment.Cli.Tests.Doctor;

public sealed class BrokerCheckTests : IDisposable
{
    private readonly DoctorBed _bed = new();

    public BrokerCheckTests() =>
        _bed.Settings("10-mqtt.json", new { Mqtt = new { Enabled = true, Host = "broker.lan", Port = 8883, AllowInsecure = true, TimeoutSeconds = 30 } });

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Disabled_PassesWithoutConnecting()
    {
        _bed.Settings("20-off.json", new { Mqtt = new { Enabled = false } });
        var probe = new FakeBrokerProbe();
        _bed.Broker = probe;

        var result = await _bed.RunAsync(new BrokerCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Null(probe.Timeout);
    }

    [Fact]
    public async Task Connected_Passes_AfterAShortAttempt()
    {
        var probe = new FakeBrokerProbe();
        _bed.Broker = probe;

        var result = await _bed.RunAsync(new BrokerCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("broker.lan:8883", result.Finding, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), probe.Timeout);
    }

    [Theory]
    [InlineData(BrokerOutcomeKind.Refused, "start the broker")]
    [InlineData(BrokerOutcomeKind.Certificate, "Mqtt:CaFile")]
    [InlineData(BrokerOutcomeKind.NotAuthorized, "Mqtt:CredentialsFile")]
    [InlineData(BrokerOutcomeKind.TimedOut, "firewall")]
    [InlineData(BrokerOutcomeKind.Unreachable, "Mqtt:Host")]
    [InlineData(BrokerOutcomeKind.Tls, "TLS")]
    public async Task EachWayOfFailing_FailsWithItsReasonAndFix(BrokerOutcomeKind kind, string fix)
    {
        _bed.Broker = new FakeBrokerProbe { Outcome = new BrokerOutcome(kind, "the reason") };

        var result = await _bed.RunAsync(new BrokerCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("the reason", result.Finding, StringComparison.Ordinal);
        Assert.Contains(fix, result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingCaFile_FailsBeforeConnecting()
    {
        _bed.Settings("20-tls.json", new { Mqtt = new { AllowInsecure = false, CaFile = Path.Combine(_bed.Folder, "missing-ca.pem") } });
        var probe = new FakeBrokerProbe();
        _bed.Broker = probe;

        var result = await _bed.RunAsync(new BrokerCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("Mqtt:CaFile", result.Finding, StringComparison.Ordinal);
        Assert.Null(probe.Timeout);
    }
}
