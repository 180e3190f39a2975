using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Fusion;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Tests.Fakes;
using EdgeSentiment.Device.Transcription;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Transcription;

public sealed class LiveTranscriptionTests : IDisposable
{
    // Words no log line could contain by chance.
    private const string Words = "quietly the zeppelin orchestra disappointed everyone";
    private const int Rate = 16_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
    private static readonly SentimentScores TextScores = new(0.9f, 0.05f, 0.05f);

    private readonly FakeTranscriber _transcriber = new(Words, confidence: 0.8f);
    private readonly InMemoryResultStore _store = new();
    private readonly TranscriptionMetrics _metrics = new();
    private readonly FakeLogger<TranscriptionWorker> _logger = new();
    private long _written;

    public void Dispose()
    {
        _transcriber.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task HandleAsync_SpeechThenSilence_StoresOneRecordWithTheFusedVerdict()
    {
        using var worker = Worker(maxQueuedSeconds: 60);
        await worker.StartAsync(CancellationToken.None);
        var live = new LiveTranscription(worker);

        // Speech at 1.0 and 1.5 s (2 s windows), then silence: one utterance from 1.0 to 3.5 s.
        await Window(live, 0.0, speech: false, positive: 0.1f);
        await Window(live, 1.0, speech: true, positive: 0.3f);
        await Window(live, 1.5, speech: true, positive: 0.5f);
        await Window(live, 2.0, speech: false, positive: 0.1f);

        Assert.True(await Eventually.Within(Patience, () => _store.Transcripts.Count == 1));
        await worker.StopAsync(CancellationToken.None);

        var record = _store.Transcripts[0].Value;
        Assert.Equal(Words, record.Text);
        Assert.Equal(6, record.WordCount);
        Assert.Equal(0.8f, record.TranscriptConfidence);
        Assert.Equal(2.5, record.Seconds, 6);
        Assert.Equal(0.4f, record.Voice.Positive, 5);
        Assert.Equal(TextScores, record.Words);
        var expected = new LateFusion().Fuse(record.Voice, new WordsEvidence(TextScores, 6, 0.8f));
        Assert.Equal((expected.Scores, expected.Label, expected.WordsUsed), (record.Fused, record.FusedLabel, record.WordsUsed));

        // The utterance's own audio (the tap wrote each sample's position as its value), nothing around it.
        var heard = Assert.Single(_transcriber.Heard);
        Assert.Equal((int)(2.5 * Rate), heard.Length);
        Assert.Equal(1.0 * Rate, heard[0]);
        Assert.Equal((3.5 * Rate) - 1, heard[^1]);

        // Started when its first window did: the window after it ended was seen at Now.
        Assert.Equal(Now.UtcDateTime - TimeSpan.FromSeconds(4.0 - 1.0), record.StartUtc);
        Assert.Equal((1, 0, 0), (_metrics.Transcribed, _metrics.Dropped, _metrics.Failed));
    }

    [Fact]
    public async Task HandleAsync_RecogniserBehind_DropsAndCountsWhatDoesNotFitAndNeverWaits()
    {
        _transcriber.Hold();
        using var worker = Worker(maxQueuedSeconds: 20);
        await worker.StartAsync(CancellationToken.None);
        var live = new LiveTranscription(worker);

        // Twelve utterances of 2.5 s while the recogniser is stuck: 20 s of room holds eight.
        for (var i = 0; i < 12; i++)
        {
            await Window(live, 4.0 * i, speech: true);
            await Window(live, (4.0 * i) + 0.5, speech: true);
            var handed = Window(live, (4.0 * i) + 1.0, speech: false);
            Assert.True(handed.IsCompleted, "the sink waited for the recogniser");
            await handed;
        }

        Assert.Equal(4, _metrics.Dropped);
        Assert.Equal(8 * 2.5, worker.QueuedSeconds, 6);

        _transcriber.Release();
        Assert.True(await Eventually.Within(Patience, () => _store.Transcripts.Count == 8));
        await worker.StopAsync(CancellationToken.None);
        Assert.Equal((8, 4, 0), (_metrics.Transcribed, _metrics.Dropped, _metrics.Failed));
        Assert.Equal(0, worker.QueuedSeconds);
        Assert.Equal(3, _logger.Count(LogEvents.TranscriptionDropped)); // the 1st, 2nd and 4th drop
        AssertNoWordsLogged();
    }

    [Fact]
    public async Task Worker_RecogniserFails_CountsItLogsNoWordsAndTakesTheNext()
    {
        _transcriber.Failure = new TranscriptionException("PocketSphinx ps_process_raw failed (-1).");
        using var worker = Worker(maxQueuedSeconds: 60);
        await worker.StartAsync(CancellationToken.None);
        var live = new LiveTranscription(worker);

        await Window(live, 0.0, speech: true);
        await Window(live, 0.5, speech: false);
        Assert.True(await Eventually.Within(Patience, () => _metrics.Failed == 1));
        _transcriber.Failure = null;
        await Window(live, 3.0, speech: true);
        await Window(live, 3.5, speech: false);

        Assert.True(await Eventually.Within(Patience, () => _store.Transcripts.Count == 1));
        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(1, _logger.Count(LogEvents.TranscriptionFailed));
        AssertNoWordsLogged();
    }

    [Fact]
    public async Task Worker_StoreWritesFail_CountsTheUtteranceAsFailed()
    {
        _store.FailWrites = true;
        using var worker = Worker(maxQueuedSeconds: 60);
        await worker.StartAsync(CancellationToken.None);
        var live = new LiveTranscription(worker);

        await Window(live, 0.0, speech: true);
        await Window(live, 0.5, speech: false);

        Assert.True(await Eventually.Within(Patience, () => _metrics.Failed == 1));
        await worker.StopAsync(CancellationToken.None);
        Assert.Empty(_store.Transcripts);
        _logger.AssertNoErrors();
    }

    [Fact]
    public async Task Worker_WholeRun_LogsCountsAndDurationsButNeverTheWords()
    {
        using var worker = Worker(maxQueuedSeconds: 60);
        await worker.StartAsync(CancellationToken.None);
        var live = new LiveTranscription(worker);

        await Window(live, 0.0, speech: true);
        await Window(live, 0.5, speech: false);
        Assert.True(await Eventually.Within(Patience, () => _store.Transcripts.Count == 1));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(1, _logger.Count(LogEvents.TranscriptionStarted));
        Assert.Equal(1, _logger.Count(LogEvents.TranscriptionDone));
        Assert.Equal(1, _logger.Count(LogEvents.TranscriptionStopped));
        _logger.AssertNoErrors();
        AssertNoWordsLogged();
    }

    [Fact]
    public void OnAudio_EveryChunk_AllocatesNothing()
    {
        using var worker = Worker(maxQueuedSeconds: 60);
        var live = new LiveTranscription(worker);
        var chunk = new float[1600];
        long position = 0;

        var allocated = Allocations.FewestBytes(() =>
        {
            live.OnAudio(chunk, TimeSpan.FromSeconds((double)position / Rate));
            position += chunk.Length;
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task HandleAsync_WindowInsideAnUtterance_AllocatesNothing()
    {
        using var worker = Worker(maxQueuedSeconds: 60);
        var live = new LiveTranscription(worker);
        var start = 0.0;
        var update = new MoodUpdate(Now, AudienceMood.Neutral, false, null);
        await Window(live, 0, speech: true);

        var allocated = Allocations.FewestBytes(
            () =>
            {
                // Touching speech windows, 0.5 s apart, all within one (unending) utterance of at most 20 s.
                start = start >= 17 ? 0.5 : start + 0.5;
                var window = new WindowResult(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(start + 2), true, default, -20f);
                var handled = live.HandleAsync(update with { Window = window }, CancellationToken.None);
                Assert.True(handled.IsCompletedSuccessfully);
            },
            calls: 20);

        Assert.Equal(0, allocated);
    }

    private TranscriptionWorker Worker(double maxQueuedSeconds)
    {
        return new TranscriptionWorker(_transcriber, new FixedTextSentiment(TextScores), new LateFusion(), _store, _metrics, maxQueuedSeconds, TimeSpan.FromSeconds(10), _logger);
    }

    /// <summary>Feeds the audio up to the window's end (each sample is its own position), then the window's result, as the pipeline would.</summary>
    private ValueTask Window(LiveTranscription live, double start, bool speech, float positive = 0.2f)
    {
        var end = (long)((start + 2.0) * Rate);
        if (end > _written)
        {
            var samples = new float[end - _written];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = _written + i;
            }

            live.OnAudio(samples, TimeSpan.FromSeconds((double)_written / Rate));
            _written = end;
        }

        var window = new WindowResult(
            TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(start + 2), speech, new SentimentScores(0.2f, 0.8f - positive, positive), -20f);
        return live.HandleAsync(new MoodUpdate(Now, AudienceMood.Neutral, false, window), CancellationToken.None);
    }

    private void AssertNoWordsLogged()
    {
        foreach (var record in _logger.Collector.GetSnapshot())
        {
            foreach (var word in Words.Split(' ').Where(w => w.Length > 3))
            {
                Assert.DoesNotContain(word, record.Message, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(word, record.Exception?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
                Assert.All(record.StructuredState ?? [], pair => Assert.DoesNotContain(word, pair.Value ?? "", StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
