using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Reviews;

/// <summary>
/// The whole loop with real parts: the agent's file source speaks into the booth, the review waits
/// sealed in the spool while the broker (mosquitto, TLS) is down, the agent is killed with SIGKILL,
/// and after both come back the studio's <c>reviews receive</c> writes the one review it recorded.
/// </summary>
public sealed class BoothDeliveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempFolder _folder = new();
    private readonly TestCertificates _certificates = new();

    public void Dispose()
    {
        _certificates.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Review_BrokerDownAndAgentKilled_ReceivedOnceAsRecorded()
    {
        var (keyFile, recipient) = AgeTool.KeyGen(_folder, "studio-key.txt");
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server, persistent: true);
        var received = _folder.PathOf("received");
        string[] receive =
        [
            ProcessRun.CliAssembly, "reviews", "receive", "--broker", "127.0.0.1", "--port", $"{broker.Port}",
            "--ca-file", _certificates.CaFile, "--identity", keyFile, "--out", received, "--count", "1", "--client-id", "studio-test",
        ];

        // The studio subscribes once: from then on the broker keeps the reviews for it while it is away.
        using (var first = new RunningProgram(ProcessRun.Dotnet, receive))
        {
            Assert.True(await Eventually.Within(Patience, () => broker.Log.Contains("SUBSCRIBE from studio-test", StringComparison.Ordinal)), first.Output + broker.Log);
            first.KillHard();
        }

        broker.Stop();
        var spool = _folder.PathOf("spool");
        using (var agent = StartAgent(broker.Port, recipient, spool))
        {
            Assert.True(await Eventually.Within(Patience, () => File.Exists(_folder.PathOf("control.sock"))), agent.Output);
            var started = await BoothAsync("start");
            Assert.Equal("recording", started.GetProperty("state").GetString());
            Assert.True(await Eventually.Within(Patience, () => BoothAsync("status").GetAwaiter().GetResult().GetProperty("recordedSeconds").GetDouble() >= 3), agent.Output);
            var stopped = await BoothAsync("stop");
            Assert.Equal("idle", stopped.GetProperty("state").GetString());
            Assert.Equal(1, stopped.GetProperty("waiting").GetInt32());

            // Killed while the review waits in the spool, undelivered: no clean stop, no goodbye to anyone.
            agent.KillHard();
        }

        var sealedAudio = Assert.Single(Directory.GetFiles(spool, "*.opus.age"));
        var sealedDocument = Assert.Single(Directory.GetFiles(spool, "*.json.age"));
        var id = Path.GetFileName(sealedDocument)[..^".json.age".Length];
        var recordedAudio = Open(keyFile, sealedAudio);
        var recordedDocument = Open(keyFile, sealedDocument);

        broker.Start();
        using (var agent = StartAgent(broker.Port, recipient, spool))
        using (var studio = new RunningProgram(ProcessRun.Dotnet, receive))
        {
            Assert.True(await studio.WaitForExitAsync(Patience), "receiver: " + studio.Output + "\nbroker: " + broker.Log[^Math.Min(broker.Log.Length, 6000)..]);
            Assert.True(studio.ExitCode == 0, studio.Output);
            Assert.True(await Eventually.Within(Patience, () => Directory.GetFiles(spool).Length == 0), agent.Output);

            // The store lists what became of the review, across the kill: sealed by the first run, delivered by the second.
            var history = (await BoothAsync("status")).GetProperty("history").EnumerateArray().Select(row => row.GetProperty("kind").GetString()).ToList();
            Assert.Equal(["review-sealed", "review-delivered"], history);
        }

        Assert.Equal(recordedAudio, File.ReadAllBytes(Path.Combine(received, id + ".opus")));
        Assert.Equal(recordedDocument, File.ReadAllBytes(Path.Combine(received, id + ".json")));
        Assert.Single(Directory.GetFiles(received, "*.opus"));
        Assert.Single(Directory.GetFiles(received, "*.json"));

        // What the studio gets plays: opusdec decodes it to about the length the document states.
        var wav = _folder.PathOf("review.wav");
        var decoded = ExternalTool.Run("opusdec", "--quiet", Path.Combine(received, id + ".opus"), wav);
        Assert.True(decoded.ExitCode == 0, decoded.Error);
        using var document = JsonDocument.Parse(recordedDocument);
        var seconds = document.RootElement.GetProperty("durationSeconds").GetDouble();
        Assert.InRange(seconds, 3, 60);
        var header = File.ReadAllBytes(wav);
        var bytesPerSecond = BitConverter.ToInt32(header, 28);
        Assert.InRange((header.Length - 44) / (double)bytesPerSecond, seconds - 0.1, seconds + 0.1);
    }

    private byte[] Open(string keyFile, string sealedFile)
    {
        var output = _folder.PathOf(Path.GetFileName(sealedFile) + ".open");
        var opened = ExternalTool.Run("age", "-d", "-i", keyFile, "-o", output, sealedFile);
        Assert.True(opened.ExitCode == 0, opened.Error);
        return File.ReadAllBytes(output);
    }

    private RunningProgram StartAgent(int port, string recipient, string spool)
    {
        string[] args =
        [
            RepositoryPaths.Built("src/EdgeSentiment.Agent", "edgesentiment-agent.dll"),
            "--Capture:File", RepositoryPaths.Sample("positive-happy.wav"),
            "--Store:DatabasePath", _folder.PathOf("results.db"),
            "--Store:KeyFile", _folder.PathOf("edgesentiment.key"),
            "--Store:CreateKeyIfMissing", "true",
            "--Control:SocketPath", _folder.PathOf("control.sock"),
            "--Mqtt:Enabled", "true",
            "--Mqtt:Host", "127.0.0.1",
            "--Mqtt:Port", $"{port}",
            "--Mqtt:CaFile", _certificates.CaFile,
            "--Mqtt:DeviceId", "booth-1",
            "--Mqtt:ReconnectMinMilliseconds", "200",
            "--Mqtt:ReconnectMaxMilliseconds", "1000",
            "--Booth:Enabled", "true",
            "--Booth:ButtonPin", "-1",
            "--Booth:Recipients:0", recipient,
            "--Booth:SpoolFolder", spool,
            "--Booth:EndOfSpeechSeconds", "30",
        ];
        return new RunningProgram(ProcessRun.Dotnet, args, new Dictionary<string, string> { ["CONFIGURATION_DIRECTORY"] = _folder.PathOf("etc") });
    }

    private async Task<JsonElement> BoothAsync(string action)
    {
        var run = await ProcessRun.OfAsync(ProcessRun.Dotnet, [ProcessRun.CliAssembly, "booth", action, "--socket", _folder.PathOf("control.sock"), "--json"]);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }
}
