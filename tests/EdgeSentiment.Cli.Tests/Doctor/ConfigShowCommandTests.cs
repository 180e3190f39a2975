using System.Text.Json;

namespace EdgeSentiment.Cli.Tests.Doctor;

public sealed class ConfigShowCommandTests : IDisposable
{
    private const string Password = "Correct-Horse-8f3e1";
    private const string UserName = "auditorium-user-77";
    private readonly DoctorFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Secrets_AreRedacted_AndCredentialFilesAreNeverRead()
    {
        var credentials = _folder.Write("mqtt-credentials", $"{UserName}\n{Password}\n");
        _folder.Settings("10-mqtt.json", new { Mqtt = new { Enabled = false, CredentialsFile = credentials, Password = "json-password-Q9" } });

        var text = CliRun.Of("config", "show", "--config-dir", _folder.ConfigDirectory);
        var json = CliRun.Of("config", "show", "--json", "--config-dir", _folder.ConfigDirectory);

        foreach (var run in new[] { text, json })
        {
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.DoesNotContain(Password, run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(UserName, run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("json-password-Q9", run.Out, StringComparison.Ordinal);
            Assert.Contains(credentials, run.Out, StringComparison.Ordinal);
        }

        using var document = JsonDocument.Parse(json.Out);
        var password = Entry(document, "Mqtt:Password");
        Assert.True(password.GetProperty("redacted").GetBoolean());
        Assert.Equal("(redacted)", password.GetProperty("value").GetString());
    }

    [Fact]
    public void EveryKey_HasItsValueAndTheSourceThatSetIt()
    {
        _folder.Settings("20-leds.json", new { Indicator = new { Kind = "GpioLeds" } });

        var run = CliRun.Of("config", "show", "--json", "--config-dir", _folder.ConfigDirectory);

        using var document = JsonDocument.Parse(run.Out);
        var kind = Entry(document, "Indicator:Kind");
        Assert.Equal("GpioLeds", kind.GetProperty("value").GetString());
        Assert.Equal(Path.Combine(_folder.ConfigDirectory, "20-leds.json"), kind.GetProperty("source").GetString());
        var retention = Entry(document, "Store:RetentionDays");
        Assert.Equal("90", retention.GetProperty("value").GetString());
        Assert.Equal("default", retention.GetProperty("source").GetString());
        Assert.Equal(_folder.DatabasePath, Entry(document, "Store:DatabasePath").GetProperty("value").GetString());
    }

    [Fact]
    public void Switches_AreShownAsTheSettingsFilesSpellThem()
    {
        _folder.Settings("20-leds.json", new { Indicator = new { ActiveLow = true, CommonAnode = false } });

        var run = CliRun.Of("config", "show", "--json", "--config-dir", _folder.ConfigDirectory);

        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("true", Entry(document, "Indicator:ActiveLow").GetProperty("value").GetString());
        Assert.Equal("false", Entry(document, "Indicator:CommonAnode").GetProperty("value").GetString());
        Assert.Equal("true", Entry(document, "Capture:Loop").GetProperty("value").GetString());
    }

    [Fact]
    public void AValueTheAgentRefuses_IsShown_AndReportedWithExitOne()
    {
        _folder.Settings("20-bad.json", new { Capture = new { Source = "Microphon" } });

        var run = CliRun.Of("config", "show", "--config-dir", _folder.ConfigDirectory);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("Microphon", run.Out, StringComparison.Ordinal);
        Assert.Contains("error: Capture:Source", run.Error, StringComparison.Ordinal);
    }

    private static JsonElement Entry(JsonDocument document, string key)
    {
        foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
        {
            if (entry.GetProperty("key").GetString() == key)
            {
                return entry;
            }
        }

        throw new Xunit.Sdk.XunitException($"no entry {key}");
    }
}
