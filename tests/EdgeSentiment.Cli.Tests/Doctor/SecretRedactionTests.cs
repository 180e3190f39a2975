using EdgeSentiment.Device.Configuration;

namespace EdgeSentiment.Cli.Tests.Doctor;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("Mqtt:Password", "hunter2")]
    [InlineData("Mqtt:password", "hunter2")]
    [InlineData("Broker:ApiToken", "abc")]
    [InlineData("Store:Key", "c2VjcmV0")]
    [InlineData("Mqtt:Credentials", "user:pass")]
    [InlineData("Anything:Else", "-----BEGIN PRIVATE KEY-----\nMIIE")]
    public void Redact_SecretSettings_AreRedacted(string key, string value) => Assert.True(SecretRedaction.IsSecret(key, value));

    [Theory]
    [InlineData("Mqtt:CredentialsFile", "/etc/edgesentiment/mqtt-credentials")]
    [InlineData("Store:KeyFile", "/etc/edgesentiment/edgesentiment.key")]
    [InlineData("Mqtt:ClientKeyFile", "/etc/edgesentiment/device.key")]
    [InlineData("Mqtt:Host", "broker.lan")]
    [InlineData("Indicator:Kind", "GpioLeds")]
    public void Redact_PathsAndPlainSettings_AreShown(string key, string value) => Assert.False(SecretRedaction.IsSecret(key, value));
}
