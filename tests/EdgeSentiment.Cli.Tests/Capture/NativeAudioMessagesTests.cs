using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Capture;

/// <summary>
/// What a technician sees from <c>edgesentiment devices</c> on a board whose ALSA configuration
/// names a card that is not there: one line that says what to do, not ALSA's and JACK's own
/// printing. Run as a separate process, because the libraries write straight to file descriptor 2.
/// </summary>
public sealed class NativeAudioMessagesTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string> _environment;

    public NativeAudioMessagesTests()
    {
        var config = _folder.Write("asoundrc", """
            pcm.edgesentiment-gone {
                type hw
                card "NoSuchCard"
            }

            """);
        var systemConfig = File.Exists("/usr/share/alsa/alsa.conf") ? "/usr/share/alsa/alsa.conf" : "/etc/alsa/alsa.conf";
        _environment = new Dictionary<string, string> { ["ALSA_CONFIG_PATH"] = $"{systemConfig}:{config}" };
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Devices_WithACardThatIsNotThere_PrintsOnlyItsOwnLines()
    {
        var run = await DevicesAsync(_environment);

        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, line => line.StartsWith("ALSA lib", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("jack", StringComparison.OrdinalIgnoreCase));
        // On a machine with a sound card the list goes to stdout and stderr stays empty.
        Assert.All(lines, line => Assert.StartsWith("error: ", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Devices_WithTheLibrariesMessagesKept_PrintsWhatAlsaSaid()
    {
        // The same set-up with the handlers left out: proves it does provoke ALSA, so the test above can fail.
        var run = await DevicesAsync(new Dictionary<string, string>(_environment) { ["EDGESENTIMENT_NATIVE_AUDIO_MESSAGES"] = "1" });

        Assert.Contains("Cannot get card index for NoSuchCard", run.Error, StringComparison.Ordinal);
    }

    private static Task<ProcessRun> DevicesAsync(IReadOnlyDictionary<string, string> environment) =>
        ProcessRun.OfAsync(ProcessRun.Dotnet, [ProcessRun.CliAssembly, "devices"], environment);
}
