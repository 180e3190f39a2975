using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Control;
using EdgeSentiment.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeSentiment.Device.Tests.Control;

public sealed class SettingsReportTests
{
    [Fact]
    public void Build_SecretsNeverLeaveTheAgent_AndEveryValueNamesItsSource()
    {
        using var folder = new TempFolder();
        folder.Write("etc/50-site.json", """{ "Indicator": { "Kind": "Console" }, "Telemetry": { "ApiToken": "tok-5d1e" } }""");
        var builder = DeviceHost.CreateBuilder(["--Capture:Loop", "false"], folder.PathOf("etc"));
        using var host = builder.Build();

        var reply = host.Services.GetRequiredService<SettingsReport>().Build();

        Assert.Equal(folder.PathOf("etc"), reply.ConfigurationDirectory);
        Assert.Equal(Environment.ProcessId, reply.ProcessId);
        var token = Assert.Single(reply.Entries, e => e.Key == "Telemetry:ApiToken");
        Assert.True(token.Redacted);
        Assert.Null(token.Value);
        Assert.Equal(new ConfigEntry("Capture:Loop", "false", "command line", false), Assert.Single(reply.Entries, e => e.Key == "Capture:Loop"));
        Assert.Equal(folder.PathOf("etc/50-site.json"), Assert.Single(reply.Entries, e => e.Key == "Indicator:Kind").Source);
        Assert.Equal(ConfigEntries.DefaultSource, Assert.Single(reply.Entries, e => e.Key == "Store:RetentionDays").Source);
    }
}
