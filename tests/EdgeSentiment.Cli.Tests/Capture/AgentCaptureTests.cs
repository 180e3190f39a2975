using System.Text.Json;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Cli.Tests.Capture;

/// <summary>
/// The agent as it runs on a board (host, configuration, PortAudio microphone, pipeline, shipped
/// model, encrypted store), listening to samples/screening.wav through an ALSA file device, gives
/// every window the result <c>edgesentiment analyze</c> gives for the same recording.
/// </summary>
[Collection(PortAudioTestGroup.Name)]
public sealed class AgentCaptureTests
{
    // The agent computes what analyze computes, bit for bit (the model's input is aligned, so two
    // ONNX Runtime sessions agree); --json prints scores to 4 decimals and the level to 0.1 dB.
    private const double ScoreTolerance = 0.5e-4 + 1e-6;
    private const double LevelTolerance = 0.05 + 1e-4;
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);
    private readonly AlsaFileDevice _device;

    public AgentCaptureTests(AlsaFileDevice device) => _device = device;

    [Fact]
    public async Task Agent_ListeningToTheRecordingThroughPortAudio_GivesEveryWindowTheResultAnalyzeGives()
    {
        var model = Path.Combine(RepositoryPaths.Models, ModelFiles.DefaultFileName);
        var analyze = CliRun.Of("analyze", AlsaFileDevice.ScreeningPath, "--model", model, "--json");
        Assert.Equal(0, analyze.ExitCode);
        var expected = AnalyzeWindows(analyze.Out);

        // A live stream yields the regular windows only; analyze adds one aligned to the end.
        var regular = new WindowPlanner(AnalysisWindowSettings.Default, AlsaFileDevice.SampleRate).RegularCount(_device.Screening.Length);
        Assert.Equal(60, regular);
        Assert.Equal(regular + 1, expected.Count);

        using var folder = new TempFolder();
        string[] args =
        [
            "--Capture:Source", "Microphone",
            "--Capture:Device", AlsaFileDevice.ScreeningDeviceName,
            "--Pipeline:Model", model,
            // The device hands over the whole recording at once: the queues hold all of it.
            "--Pipeline:ChunkQueueCapacity", "1000",
            "--Pipeline:WindowQueueCapacity", "1000",
            "--Pipeline:ResultQueueCapacity", "1000",
            "--Pipeline:SinkQueueCapacity", "1000",
            "--Store:DatabasePath", folder.PathOf("state/results.db"),
            "--Store:KeyFile", folder.PathOf("state/edgesentiment.key"),
            "--Store:CreateKeyIfMissing", "true",
        ];
        var builder = DeviceHost.CreateBuilder(args, folder.PathOf("no-config"));
        var clipFrames = _device.Screening.Length;
        builder.Services.AddSingleton<ICaptureDeviceOpener>(sp =>
            new ClipGate(AudioSourceFactory.CreateOpener(sp.GetRequiredService<IOptions<CaptureOptions>>().Value), clipFrames));
        var sink = new RecordingSink();
        builder.Services.AddSingleton<IMoodSink>(sink);

        using var host = builder.Build();
        DeviceServices.Prepare(host.Services);
        var gate = (ClipGate)host.Services.GetRequiredService<ICaptureDeviceOpener>();
        var metrics = host.Services.GetRequiredService<PipelineMetrics>();
        var last = expected[regular - 1].Start;
        await host.StartAsync();
        try
        {
            Assert.True(await sink.WaitForAsync(u => u.Window is { } w && w.Start >= last, Generous), "the recording's windows did not arrive");
        }
        finally
        {
            await host.StopAsync().WaitAsync(Generous);
        }

        var updates = sink.Updates;
        Assert.DoesNotContain(updates, u => u.CaptureFault);
        var windows = updates.Where(u => u.Window is not null).Select(u => u.Window!.Value).ToList();
        Assert.Equal(1, gate.Opens);
        Assert.Equal(0, metrics.DroppedChunks + metrics.DroppedWindows + metrics.DroppedResults);
        Assert.Equal(0, metrics.CaptureOverruns);
        // After the recording the gate hands the agent quiet in real time: windows from 30 s on hold
        // the end of the recording and the quiet, and are not the recording's.
        Assert.True(windows.Count >= regular, $"{windows.Count} windows");
        for (var i = 0; i < regular; i++)
        {
            var agent = windows[i];
            var cli = expected[i];
            var at = $"window {i} at {cli.Start.TotalSeconds:F1} s";
            Assert.True(cli.Start == agent.Start, $"{at}: the agent's window starts at {agent.Start.TotalSeconds} s");
            Assert.True(cli.IsSpeech == agent.IsSpeech, $"{at}: speech {agent.IsSpeech} in the agent, {cli.IsSpeech} in analyze");
            // A label can only differ where analyze's top two scores are closer than the tolerance allows.
            if (cli.Margin >= 2 * ScoreTolerance)
            {
                Assert.True(cli.Label == agent.Label?.ToWord(), $"{at}: label {agent.Label} in the agent, {cli.Label} in analyze");
            }

            AssertClose(cli.Negative, agent.Scores.Negative, ScoreTolerance, $"{at}: negative");
            AssertClose(cli.Neutral, agent.Scores.Neutral, ScoreTolerance, $"{at}: neutral");
            AssertClose(cli.Positive, agent.Scores.Positive, ScoreTolerance, $"{at}: positive");
            AssertClose(cli.LevelDbfs, agent.LevelDbfs, LevelTolerance, $"{at}: level");
        }

        // Not a recording of silence or of one mood: the comparison covers speech of different labels.
        Assert.True(windows.Take(regular).Select(w => w.Label).Distinct().Count() >= 3, "the recording gave the same label to every window");
    }

    private static void AssertClose(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what} is {actual} in the agent, {expected} in analyze");

    private static List<CliWindow> AnalyzeWindows(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var windows = new List<CliWindow>();
        foreach (var window in doc.RootElement.GetProperty("files")[0].GetProperty("windows").EnumerateArray())
        {
            var scores = window.GetProperty("scores");
            windows.Add(new CliWindow(
                TimeSpan.FromSeconds(window.GetProperty("start").GetDouble()),
                window.GetProperty("speech").GetBoolean(),
                window.GetProperty("label").GetString(),
                scores.GetProperty("negative").GetDouble(),
                scores.GetProperty("neutral").GetDouble(),
                scores.GetProperty("positive").GetDouble(),
                window.GetProperty("levelDbfs").GetDouble()));
        }

        return windows;
    }

    private sealed record CliWindow(TimeSpan Start, bool IsSpeech, string? Label, double Negative, double Neutral, double Positive, double LevelDbfs)
    {
        /// <summary>How far the top score is ahead of the next one.</summary>
        public double Margin
        {
            get
            {
                var top = Math.Max(Negative, Math.Max(Neutral, Positive));
                var bottom = Math.Min(Negative, Math.Min(Neutral, Positive));
                return top - (Negative + Neutral + Positive - top - bottom);
            }
        }
    }
}
