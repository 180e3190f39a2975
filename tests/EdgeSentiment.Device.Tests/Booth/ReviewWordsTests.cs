using System.Text.Json;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Fusion;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Tests.Fakes;
using EdgeSentiment.Device.Tests.Publishing;
using EdgeSentiment.Device.Transcription;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EdgeSentiment.Device.Tests.Booth;

/// <summary>The booth with transcription: the real worker and fusion, a fake recogniser, reviews opened with the studio's key.</summary>
public sealed class ReviewWordsTests : IDisposable
{
    // Nine words (the fusion's gate wants eight) no log line could contain by chance.
    private const string Words = "quietly the zeppelin orchestra disappointed everyone in the foyer";
    private const int Rate = 16_000;

    // Each sample carries its stream position, small enough for the encoder: position = value * Scale.
    private const double Scale = 1e7;
    private const double WaitSeconds = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly SentimentScores TextScores = new(0.9f, 0.05f, 0.05f);
    // The voice leans neutral; the confident words tip the fused verdict to negative.
    private static readonly SentimentScores VoiceScores = new(0.35f, 0.4f, 0.25f);

    private readonly TempFolder _folder = new();
    private readonly AgeIdentity _studio = AgeIdentity.Generate();
    private readonly FakeLogger _logger = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.Zero));
    private readonly FakeTranscriber _transcriber = new(Words, confidence: 0.8f);
    private readonly InMemoryResultStore _store = new();
    private readonly TranscriptionMetrics _metrics = new();
    private readonly TranscriptionWorker _worker;
    private readonly BoothOptions _options = new() { Enabled = true, EndOfSpeechSeconds = 10, MaxReviewSeconds = 60, WordsWaitSeconds = WaitSeconds };
    private readonly ReviewSpool _spool;
    private readonly ReviewBooth _booth;
    private readonly UtteranceHandoff _words;
    private long _written;

    public ReviewWordsTests()
    {
        _worker = new TranscriptionWorker(
            _transcriber, new FixedTextSentiment(TextScores), new LateFusion(), _store, _metrics, 60, TimeSpan.FromSeconds(10), _logger);
        _worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _options.Recipients.Add(_studio.Recipient.ToString());
        _spool = new ReviewSpool(_folder.PathOf("reviews"), 10_000_000, [_studio.Recipient]);
        _words = new UtteranceHandoff(_worker, new AudioHistory(50 * Rate));
        _booth = new ReviewBooth(_spool, _options, "foyer-1", Rate, _time, _logger, _store, _words);
    }

    public void Dispose()
    {
        _booth.Dispose();
        _transcriber.Release();
        _worker.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _worker.Dispose();
        _metrics.Dispose();
        _store.Dispose();
        _studio.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Stop_UtterancesComeBack_SealsTheirWordsAndFusedVerdictInTheDocument()
    {
        RecordTwoUtterances();

        Assert.True(await Eventually.Within(Patience, () => _spool.Waiting().Count == 1));
        var words = Document(Assert.Single(_spool.Waiting())).GetProperty("words");

        Assert.Equal("transcribed", words.GetProperty("outcome").GetString());
        Assert.Equal(0, words.GetProperty("missing").GetInt32());
        var utterances = words.GetProperty("utterances").EnumerateArray().ToList();
        Assert.Equal(2, utterances.Count);

        // Offsets in the review (it started at 1.0 s of the stream); the second is cut at the review's end.
        Assert.Equal((0.0, 3.0), (utterances[0].GetProperty("startSeconds").GetDouble(), utterances[0].GetProperty("endSeconds").GetDouble()));
        Assert.Equal((3.5, 5.0), (utterances[1].GetProperty("startSeconds").GetDouble(), utterances[1].GetProperty("endSeconds").GetDouble()));

        var expected = new LateFusion().Fuse(VoiceScores, new WordsEvidence(TextScores, 9, 0.8f));
        Assert.True(expected.WordsUsed);
        Assert.Equal(SentimentLabel.Negative, expected.Label);
        var first = utterances[0];
        Assert.Equal(Words, first.GetProperty("transcript").GetString());
        Assert.Equal(9, first.GetProperty("wordCount").GetInt32());
        Assert.Equal(0.25f, first.GetProperty("voice").GetProperty("positive").GetSingle(), 5);
        Assert.Equal(0.9f, first.GetProperty("text").GetProperty("negative").GetSingle(), 5);
        Assert.Equal("negative", first.GetProperty("fused").GetProperty("label").GetString());
        Assert.Equal(expected.Scores.Negative, first.GetProperty("fused").GetProperty("negative").GetSingle(), 5);
        Assert.True(first.GetProperty("wordsUsed").GetBoolean());
        Assert.Equal(2, words.GetProperty("wordsUsedIn").GetInt32());
        Assert.Equal("negative", words.GetProperty("overall").GetProperty("label").GetString());
        Assert.Equal(expected.Scores.Negative, words.GetProperty("overall").GetProperty("negative").GetSingle(), 5);

        // Sealed, and nothing else open: the review's audio is gone from RAM too.
        Assert.False(_words.History.TryCopy(2 * Rate, new float[Rate]));
    }

    [Fact]
    public async Task OnAudio_OutsideAReview_NeverReachesTheRecogniser()
    {
        RecordTwoUtterances();
        Assert.True(await Eventually.Within(Patience, () => _spool.Waiting().Count == 1));

        // Speech after the review: heard by the pipeline, not by the recogniser.
        Audio(until: 10.0);
        Window(6.5, speech: true);
        Window(7.0, speech: true);
        Window(8.0, speech: false);
        await Task.Delay(200);

        // Before the press (0-1 s) and after the end (6 s) nothing: only the review's own samples.
        var heard = _transcriber.Heard;
        Assert.Equal(2, heard.Count);
        Assert.All(heard.SelectMany(samples => samples), value => Assert.InRange(Math.Round(value * Scale), 1.0 * Rate, (6.0 * Rate) - 1));
        Assert.Equal(1.0 * Rate, Math.Round(heard[0][0] * Scale));
        Assert.Equal((6.0 * Rate) - 1, Math.Round(heard[1][^1] * Scale));
    }

    [Fact]
    public async Task Press_NextReviewWhileTheLastWaitsForItsWords_EachGetsItsOwnWords()
    {
        _transcriber.Hold();
        RecordTwoUtterances();
        _time.Advance(TimeSpan.FromSeconds(1));

        // The next review, 6 to 10 s of the stream, while the first one's words are still with the recogniser.
        Assert.Equal(BoothState.Recording, _booth.Press());
        Audio(until: 10.0);
        Window(6.5, speech: true);
        Window(7.0, speech: true);
        Window(8.0, speech: false);
        _booth.Stop(BoothStopReason.Stopped);
        Window(10.0, speech: false);
        Assert.Equal(2, _booth.Closing);
        var ended = _booth.ClosingIds;
        Assert.Equal(2, ended.Count);
        Assert.True(string.CompareOrdinal(ended[0], ended[1]) < 0);
        _transcriber.Release();

        Assert.True(await Eventually.Within(Patience, () => _spool.Waiting().Count == 2));
        Assert.Equal(ended, _spool.Waiting());
        var offsets = _spool.Waiting()
            .Select(id => Document(id).GetProperty("words").GetProperty("utterances").EnumerateArray()
                .Select(u => (u.GetProperty("startSeconds").GetDouble(), u.GetProperty("endSeconds").GetDouble())).ToList())
            .ToList();
        Assert.Equal([(0.0, 3.0), (3.5, 5.0)], offsets[0]);
        Assert.Equal([(0.5, 3.0)], offsets[1]);
    }

    [Fact]
    public async Task Stop_WindowStillOnItsWay_LandsInTheDocument()
    {
        RecordTwoUtterances();

        Assert.True(await Eventually.Within(Patience, () => _spool.Waiting().Count == 1));
        var windows = Document(Assert.Single(_spool.Waiting())).GetProperty("windows");

        // 1.0, 1.5, 2.0, 3.0 while recording; 4.5 came after the stop and still lies in the review.
        Assert.Equal(5, windows.GetArrayLength());
        Assert.Equal(3.5, windows[4].GetProperty("startSeconds").GetDouble());
    }

    [Fact]
    public async Task WordsWait_RecogniserStuck_SealsIncompleteWhenItRunsOut()
    {
        _transcriber.Hold();
        RecordTwoUtterances();

        Assert.Empty(_spool.Waiting());
        Assert.Equal(1, _booth.Closing);
        Assert.Single(Directory.GetFiles(_spool.Folder, "*" + ReviewSpool.AudioSuffix));
        _time.Advance(TimeSpan.FromSeconds(WaitSeconds - 1));
        Assert.Empty(_spool.Waiting());

        _time.Advance(TimeSpan.FromSeconds(1));
        var words = Document(Assert.Single(_spool.Waiting())).GetProperty("words");
        Assert.Equal("incomplete", words.GetProperty("outcome").GetString());
        Assert.Equal(2, words.GetProperty("missing").GetInt32());
        Assert.Equal(0, words.GetProperty("utterances").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, words.GetProperty("overall").ValueKind);
        var line = Assert.Single(_logger.Collector.GetSnapshot(), entry => entry.Id.Id == LogEvents.BoothWordsIncomplete);
        Assert.Contains($"the wait of {WaitSeconds} s ran out", line.Message, StringComparison.Ordinal);

        // The words that come late go nowhere: not into the sealed review, not into the store; what was still
        // queued for it is not even transcribed.
        _transcriber.Release();
        Assert.True(await Eventually.Within(Patience, () => _metrics.Transcribed + _metrics.Dropped == 2));
        Assert.True(_metrics.Dropped >= 1);
        Assert.Empty(_store.Transcripts);
        AssertNoWordsLogged();
    }

    [Fact]
    public async Task StopAsync_AgentStopsMidWait_SealsAtOnceIncomplete()
    {
        _transcriber.Hold();
        RecordTwoUtterances();
        Assert.Empty(_spool.Waiting());

        // The agent stops: the booth's service seals what waits without waiting for the recogniser or the clock.
        using var service = new BoothService(_booth, Options.Create(new BoothOptions { ButtonPin = -1 }), _time, new FakeLogger<BoothService>());
        await service.StartAsync(CancellationToken.None);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(0, _booth.Closing);
        var words = Document(Assert.Single(_spool.Waiting())).GetProperty("words");
        Assert.Equal("incomplete", words.GetProperty("outcome").GetString());
        var line = Assert.Single(_logger.Collector.GetSnapshot(), entry => entry.Id.Id == LogEvents.BoothWordsIncomplete);
        Assert.Contains("the agent stopped", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PowerCut_MidWait_NextStartSealsTheReviewWithTheWordsThereWere()
    {
        _transcriber.Hold();
        RecordTwoUtterances();
        Assert.Empty(_spool.Waiting());
        var id = Path.GetFileName(Assert.Single(Directory.GetFiles(_spool.Folder, "*" + ReviewSpool.PendingSuffix)))[..^ReviewSpool.PendingSuffix.Length];

        // The power goes while both utterances are with the recogniser; the agent starts again on the same spool.
        var logger = new FakeLogger();
        using var store = new InMemoryResultStore();
        var spool = new ReviewSpool(_spool.Folder, 10_000_000, [_studio.Recipient]);
        using var restarted = new ReviewBooth(spool, _options, "foyer-1", Rate, _time, logger, store);

        Assert.Equal([id], spool.Waiting());
        var document = Document(id);
        Assert.Equal(5, document.GetProperty("windows").GetArrayLength());
        var words = document.GetProperty("words");
        Assert.Equal("incomplete", words.GetProperty("outcome").GetString());
        Assert.Equal(2, words.GetProperty("missing").GetInt32());
        Assert.Contains(logger.Collector.GetSnapshot(), entry => entry.Id.Id == LogEvents.BoothSealedAtStart);
        Assert.Contains(store.ReadEvents(DateTime.MinValue, DateTime.MaxValue), e => e.Value.Kind == DeviceEventKind.ReviewSealed);
    }

    [Fact]
    public async Task Stop_WordsComeBack_LeaveNoPendingDocument()
    {
        RecordTwoUtterances();

        Assert.True(await Eventually.Within(Patience, () => _spool.Waiting().Count == 1));
        Assert.Empty(Directory.GetFiles(_spool.Folder, "*" + ReviewSpool.PendingSuffix));
    }

    [Fact]
    public async Task Words_WholeReview_NeverReachTheResultStoreOrTheLog()
    {
        RecordTwoUtterances();

        Assert.True(await Eventually.Within(Patience, () => _spool.Waiting().Count == 1 && _metrics.Transcribed == 2));
        Assert.Empty(_store.Transcripts);

        // The store lists the review's fate, never what was said.
        Assert.All(_store.ReadEvents(DateTime.MinValue, DateTime.MaxValue), e => AssertNoWords(e.Value.Detail));
        AssertNoWordsLogged();
        _logger.AssertNoErrors();
    }

    /// <summary>
    /// A second of audio before the press (with a speech window), then a review from 1 s to 6 s of the stream: an
    /// utterance from 1 to 4 s ended by a silent window while recording, and one from 4.5 s whose window comes
    /// only after the stop, ended by the first window past the review's end.
    /// </summary>
    private void RecordTwoUtterances()
    {
        Audio(until: 1.0);
        Window(0.0, speech: true);
        Assert.Equal(BoothState.Recording, _booth.Press());
        Audio(until: 6.0);
        Window(1.0, speech: true);
        Window(1.5, speech: true);
        Window(2.0, speech: true);
        Window(3.0, speech: false);
        _booth.Stop(BoothStopReason.Stopped);
        Window(4.5, speech: true);
        Window(6.0, speech: false);
    }

    /// <summary>Feeds the stream up to <paramref name="until"/> seconds in 0.1 s chunks, each sample carrying its position.</summary>
    private void Audio(double until)
    {
        var end = (long)(until * Rate);
        var chunk = new float[Rate / 10];
        while (_written < end)
        {
            var count = (int)Math.Min(chunk.Length, end - _written);
            for (var i = 0; i < count; i++)
            {
                chunk[i] = (float)((_written + i) / Scale);
            }

            _booth.OnAudio(chunk.AsSpan(0, count), TimeSpan.FromSeconds((double)_written / Rate));
            _written += count;
        }
    }

    private void Window(double start, bool speech) => _booth.OnWindow(new WindowResult(
        TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(start + 2), speech, speech ? VoiceScores : new SentimentScores(0.1f, 0.8f, 0.1f), -20f));

    private JsonElement Document(string id)
    {
        using var open = AgeOpenStream.Open(File.OpenRead(_spool.DocumentPath(id)), [_studio]);
        var document = JsonDocument.Parse(open).RootElement.Clone();
        MessageShapes.AssertReviewDocument(document);
        return document;
    }

    private void AssertNoWordsLogged()
    {
        foreach (var record in _logger.Collector.GetSnapshot())
        {
            AssertNoWords(record.Message);
            AssertNoWords(record.Exception?.ToString() ?? "");
            Assert.All(record.StructuredState ?? [], pair => AssertNoWords(pair.Value ?? ""));
        }
    }

    private static void AssertNoWords(string text)
    {
        foreach (var word in Words.Split(' ').Where(w => w.Length > 5))
        {
            Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
