using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Publishing;

public sealed class MqttOptionsValidatorTests
{
    private readonly MqttOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid_BecausePublishingIsOff() => Assert.True(_validator.Validate(null, new MqttOptions()).Succeeded);

    [Fact]
    public void Enabled_WithoutCaFile_NamesTheKeyAndTheWayOut()
    {
        var result = _validator.Validate(null, new MqttOptions { Enabled = true, CaFile = "" });

        Assert.Equal(
            ["Mqtt:CaFile is empty; allowed: the PEM file of the broker's CA (or set Mqtt:AllowInsecure to true for plain TCP)"],
            result.Failures);
    }

    [Fact]
    public void BadValues_AreEachNamedWithWhatIsAllowed()
    {
        var options = new MqttOptions
        {
            Enabled = true,
            AllowInsecure = true,
            Host = " ",
            Port = 0,
            DeviceId = "room 7/#",
            KeepAliveSeconds = 1,
            ReconnectMinMilliseconds = 5_000,
            ReconnectMaxMilliseconds = 1_000,
            CredentialsFile = "/nonexistent/mqtt.credentials",
        };

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(6, failures.Count);
        Assert.Contains("Mqtt:Host is empty; allowed: the broker's host name or IP address", failures);
        Assert.Contains("Mqtt:Port is 0; allowed: a TCP port from 1 to 65535", failures);
        Assert.Contains("Mqtt:DeviceId is 'room 7/#'; allowed: 1 to 64 letters, digits, '-' or '_' (it becomes part of every topic)", failures);
        Assert.Contains("Mqtt:KeepAliveSeconds is 1; allowed: seconds from 5 to 3600", failures);
        Assert.Contains("Mqtt:ReconnectMaxMilliseconds is 1000; allowed: milliseconds, at least Mqtt:ReconnectMinMilliseconds from 5000 to 3600000", failures);
        Assert.Contains("Mqtt:CredentialsFile is '/nonexistent/mqtt.credentials', which does not exist; allowed: a file with the user name on line 1 and the password on line 2, or empty", failures);
    }

    [Fact]
    public void ClientCertificate_WithoutKey_IsRefused()
    {
        using var folder = new TempFolder();
        var options = new MqttOptions
        {
            Enabled = true,
            CaFile = folder.Touch("ca.pem"),
            ClientCertificateFile = folder.Touch("client.pem"),
        };

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(["Mqtt:ClientKeyFile is empty; allowed: the PEM private key of ClientCertificateFile"], failures);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void SecretFiles_OthersCanRead_StopTheStart_WithTheChmodToRun()
    {
        using var folder = new TempFolder();
        var credentials = folder.Write("mqtt.credentials", "device\nsecret\n");
        var key = folder.Write("client.key", "not read here");
        File.SetUnixFileMode(credentials, (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(key, (UnixFileMode)0b110_100_000);
        var options = new MqttOptions
        {
            Enabled = true,
            CaFile = folder.Touch("ca.pem"),
            ClientCertificateFile = folder.Touch("client.pem"),
            ClientKeyFile = key,
            CredentialsFile = credentials,
        };

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith($"Mqtt:CredentialsFile: the credentials file {credentials} is open to other users (mode 0644)", StringComparison.Ordinal)
            && f.EndsWith($"run 'chmod 600 {credentials}'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith($"Mqtt:ClientKeyFile: the private key file {key} is open to other users (mode 0640)", StringComparison.Ordinal)
            && f.EndsWith($"run 'chmod 600 {key}'", StringComparison.Ordinal));

        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("homeassistant/#")]
    [InlineData("/homeassistant")]
    public void HomeAssistantPrefix_ThatIsNoTopicPrefix_IsRefused(string prefix)
    {
        var options = new MqttOptions { Enabled = true, AllowInsecure = true, HomeAssistantDiscovery = true, HomeAssistantPrefix = prefix };

        var failure = Assert.Single(_validator.Validate(null, options).Failures!);

        Assert.StartsWith($"Mqtt:HomeAssistantPrefix is '{prefix}'; allowed: Home Assistant's discovery prefix", failure, StringComparison.Ordinal);
    }
}
