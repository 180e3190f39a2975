using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Tests.Fakes;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Pipeline;

public sealed class SentimentPipelineTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RunAsync_FileReadAsFastAsPossible_ClassifiesEveryWindowAtTheAnalyzerOffsets()
    {
        var sink = new RecordingSink();
        using var metrics = new PipelineMetrics();
        var source = new ScriptedAudioSource(FakeWindows.Constant(0.5f, 6.0), isLive: false, chunk: 1234);
        var pipeline = PipelineRunner.Create(source, FakeWindows.BySign, [sink], metrics: metrics);

        await pipeline.RunAsync(CancellationToken.None).WaitAsync(Generous);

        // 6 s, 2 s windows every 0.5 s: starts at 0, 0.5, ..., 4.0.
        var starts = Starts(sink.Updates);
        Assert.Equal(9, starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(0.5 * i), starts[i]);
        }

        Assert.Equal(9, metrics.WindowsProcessed);
        Assert.Equal(0, metrics.DroppedChunks + metrics.DroppedWindows + metrics.DroppedResults);
        Assert.Equal(AudienceMood.Positive, sink.Updates[^1].Mood);
    }

    [Fact]
    public async Task RunAsync_MoodChanges_AreLoggedOnlyAtDebugSoTheJournalKeepsNoMoods()
    {
        var logger = new FakeLogger();
        var source = new ScriptedAudioSource([.. FakeWindows.Constant(-0.5f, 6.0), .. FakeWindows.Constant(0.5f, 6.0)], isLive: false);
        var pipeline = PipelineRunner.Create(source, FakeWindows.BySign, [new RecordingSink()], logger: logger);

        await pipeline.RunAsync(CancellationToken.None).WaitAsync(Generous);

        var moodChanges = logger.Collector.GetSnapshot().Where(e => e.Id.Id == LogEvents.MoodChanged).ToList();
        Assert.NotEmpty(moodChanges);
        Assert.All(moodChanges, e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), e => e.Level >= LogLevel.Information && e.Message.Contains("mood", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RunAsync_SinkThatThrows_OtherSinksStillGetEveryUpdateAndTheFailureIsLogged()
    {
        var healthy = new RecordingSink();
        var throwing = new ThrowingSink();
        var logger = new FakeLogger();
        var source = new ScriptedAudioSource(FakeWindows.Constant(-0.5f, 4.0), isLive: false);
        var pipeline = PipelineRunner.Create(source, FakeWindows.BySign, [throwing, healthy], logger: logger);

        await pipeline.RunAsync(CancellationToken.None).WaitAsync(Generous);

        Assert.Equal(5, Starts(healthy.Updates).Count);
        Assert.Equal(5, throwing.Calls);
        Assert.Equal(5, logger.Count(LogEvents.SinkFailed));
        Assert.Equal(AudienceMood.Negative, healthy.Updates[^1].Mood);
    }

    [Fact]
    public async Task RunAsync_SinkThatBlocks_OtherSinksKeepGoingAndShutdownStillEnds()
    {
        var healthy = new RecordingSink();
        var blocking = new BlockingSink();
        var settings = new PipelineSettings { SinkQueueCapacity = 32, DrainTimeout = TimeSpan.FromMilliseconds(300) };
        var source = new ScriptedAudioSource(FakeWindows.Constant(0.5f, 40.0), isLive: false);

        // 77 updates: more than the blocked sink's queue holds, at 2 ms each so the healthy sink keeps up.
        var pipeline = PipelineRunner.Create(source, FakeWindows.Slow(TimeSpan.FromMilliseconds(2)), [blocking, healthy], settings);

        await pipeline.RunAsync(CancellationToken.None).WaitAsync(Generous);

        Assert.Equal(0, pipeline.Sinks[1].Dropped);
        Assert.Equal(77, Starts(healthy.Updates).Count);
        var blocked = pipeline.Sinks[0];
        Assert.Equal("blocking", blocked.Name);
        Assert.True(blocked.Dropped > 0, "the blocked sink's own queue should have dropped its oldest updates");
    }

    [Fact]
    public async Task RunAsync_LiveSourceFasterThanTheModel_DropsOldestAndCountsIt()
    {
        var sink = new RecordingSink();
        using var metrics = new PipelineMetrics();
        var settings = new PipelineSettings { ChunkQueueCapacity = 4, WindowQueueCapacity = 2 };

        // 30 s of audio arrives in about a second; each window takes 100 ms, so most must be dropped.
        var source = new ScriptedAudioSource(FakeWindows.Constant(0.5f, 30.0), isLive: true, pause: TimeSpan.FromMilliseconds(1));
        var pipeline = PipelineRunner.Create(source, FakeWindows.Slow(TimeSpan.FromMilliseconds(100)), [sink], settings, metrics);

        await pipeline.RunAsync(CancellationToken.None).WaitAsync(Generous);

        Assert.True(metrics.DroppedChunks + metrics.DroppedWindows > 0, "nothing was dropped");
        Assert.True(metrics.WindowsProcessed < 57, $"all {metrics.WindowsProcessed} windows were processed");
        Assert.True(metrics.WindowsProcessed > 0);
        Assert.Equal(metrics.WindowsProcessed, Starts(sink.Updates).Count);
    }

    [Fact]
    public async Task RunAsync_ModelThatThrows_SkipsTheWindowAndKeepsRunning()
    {
        var sink = new RecordingSink();
        var logger = new FakeLogger();
        var calls = 0;
        WindowResult Flaky(ReadOnlySpan<float> window, TimeSpan start) =>
            Interlocked.Increment(ref calls) == 2 ? throw new InvalidOperationException("model hiccup") : FakeWindows.BySign(window, start);
        var source = new ScriptedAudioSource(FakeWindows.Constant(0.5f, 4.0), isLive: false);
        var pipeline = PipelineRunner.Create(source, Flaky, [sink], logger: logger);

        await pipeline.RunAsync(CancellationToken.None).WaitAsync(Generous);

        Assert.Equal(4, Starts(sink.Updates).Count);
        Assert.Equal(1, logger.Count(LogEvents.ClassifyFailed));
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsPromptlyWithALiveSourceThatNeverEnds()
    {
        var sink = new RecordingSink();
        var source = new ScriptedAudioSource(FakeWindows.Constant(0.5f, 3.0), isLive: true, keepRunning: true);
        var pipeline = PipelineRunner.Create(source, FakeWindows.BySign, [sink]);
        using var stop = new CancellationTokenSource();

        var run = pipeline.RunAsync(stop.Token);
        Assert.True(await sink.WaitForAsync(u => u.Window is not null, Generous));
        await stop.CancelAsync();

        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static List<TimeSpan> Starts(IReadOnlyList<MoodUpdate> updates)
    {
        var starts = new List<TimeSpan>();
        foreach (var update in updates)
        {
            if (update.Window is { } window)
            {
                starts.Add(window.Start);
            }
        }

        return starts;
    }
}
