using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Control;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Cli.Tests.Control;

/// <summary>
/// A real agent in this process for the control tests: the screening recording looped in real time,
/// a LiteDB store in a temp folder (key 0600) seeded with three past minute summaries, a recording
/// indicator instead of LEDs, and the control socket in the temp folder.
/// </summary>
public sealed class ControlAgent : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);

    private readonly TempFolder _folder = new();
    private IHost? _host;

    public ControlAgent()
    {
        var now = DateTime.UtcNow;
        var thisMinute = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        SeededMinutes =
        [
            new(thisMinute.AddMinutes(-30), new SentimentTally(120, 90, 60, 20, 10, new SentimentScores(0.61f, 0.24f, 0.15f)), AudienceMood.Negative),
            new(thisMinute.AddMinutes(-29), new SentimentTally(120, 60, 10, 40, 10, new SentimentScores(0.2f, 0.6f, 0.2f)), AudienceMood.Neutral),
            new(thisMinute.AddMinutes(-28), new SentimentTally(120, 100, 5, 15, 80, new SentimentScores(0.1f, 0.15f, 0.75f), FilmWindowCount: 30, AudienceOverFilmCount: 12), AudienceMood.Positive),
        ];
        EarlierMinutes =
        [
            new(thisMinute.AddDays(-10), new SentimentTally(120, 90, 60, 20, 10, new SentimentScores(0.61f, 0.24f, 0.15f)), AudienceMood.Negative),
            new(thisMinute.AddDays(-3), new SentimentTally(120, 60, 10, 40, 10, new SentimentScores(0.2f, 0.6f, 0.2f)), AudienceMood.Neutral),
        ];
    }

    public string Folder => _folder.Path;

    public string SocketPath => _folder.PathOf("run/control.sock");

    public string DatabasePath => _folder.PathOf("state/results.db");

    public string KeyFile => _folder.PathOf("state/edgesentiment.key");

    public IReadOnlyList<MinuteSummary> SeededMinutes { get; }

    /// <summary>Minutes days before <see cref="SeededMinutes"/> (outside the default history), for exports that span days.</summary>
    public IReadOnlyList<MinuteSummary> EarlierMinutes { get; }

    public RecordingIndicator Indicator { get; } = new();

    /// <summary>Everything the agent logged; a test that made it log at Error has found a defect.</summary>
    public FakeLogger Log { get; } = new();

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("the agent is not started");

    public async Task InitializeAsync()
    {
        Seed();
        string[] args =
        [
            "--Capture:Source", "File",
            "--Capture:File", RepositoryPaths.Sample("screening.wav"),
            "--Capture:Loop", "true",
            "--Capture:RealTime", "true",
            "--Pipeline:Model", Path.Combine(RepositoryPaths.Models, ModelFiles.DefaultFileName),
            "--Store:DatabasePath", DatabasePath,
            "--Store:KeyFile", KeyFile,
            "--Control:SocketPath", SocketPath,
            "--Control:LedTestStepMilliseconds", "50",
        ];
        var builder = DeviceHost.CreateBuilder(args, _folder.PathOf("no-config"));
        builder.Services.AddSingleton<IMoodIndicator>(Indicator);
        builder.Logging.AddProvider(new FakeLoggerProvider(Log.Collector));
        _host = builder.Build();
        DeviceServices.Prepare(_host.Services);
        await _host.StartAsync().WaitAsync(Generous);

        // Ready once the socket listens and a first mood went through the pipeline.
        var feed = _host.Services.GetRequiredService<MoodFeed>();
        using var deadline = new CancellationTokenSource(Generous);
        while (!File.Exists(SocketPath) || feed.Latest is null)
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync().WaitAsync(Generous);
            _host.Dispose();
            _host = null;
        }
    }

    public void Dispose() => _folder.Dispose();

    private void Seed()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using (var key = StoreKey.Generate())
        {
            StoreKeyFile.Write(KeyFile, key);
        }

        using var storeKey = StoreKeyFile.Load(KeyFile);
        using var store = LiteDbResultStore.Open(
            new StoreOptions { DatabasePath = DatabasePath, KeyFile = KeyFile }, storeKey, KeyFile, NullLogger.Instance, TimeProvider.System);
        foreach (var minute in EarlierMinutes.Concat(SeededMinutes))
        {
            Assert.NotNull(store.AppendMinute(minute));
        }
    }
}
