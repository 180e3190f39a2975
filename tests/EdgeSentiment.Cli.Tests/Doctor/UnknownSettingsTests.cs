using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

// In a cinema a typo means the device reports the mood of the sample file: it must be named.
public sealed class UnknownSettingsTests : IDisposable
{
    private const string Expected = "Capture:Sorce is not a setting; did you mean Capture:Source?";
    private readonly DoctorFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Doctor_NamesTheTypoAndTheNearestKey()
    {
        _folder.Settings("50-typo.json", new { Capture = new { Sorce = "Microphone" } });

        var run = CliRun.Of("doctor", "--config-dir", _folder.ConfigDirectory);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains($"FAIL  configuration  {Expected}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_RefusesToStartNamingTheTypo()
    {
        _folder.Settings("50-typo.json", new { Capture = new { Sorce = "Microphone" } });
        var agent = RepositoryPaths.Built("src/EdgeSentiment.Agent", "edgesentiment-agent.dll");

        var run = await ProcessRun.OfAsync(ProcessRun.Dotnet, [agent], new Dictionary<string, string> { ["CONFIGURATION_DIRECTORY"] = _folder.ConfigDirectory });

        Assert.Equal(78, run.ExitCode);
        Assert.Contains($"error: {Expected}", run.Error, StringComparison.Ordinal);
    }
}
