using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeSentiment.Device.Tests.Pipeline;

/// <summary>
/// The pipeline with a soundtrack reference: 8 s of the film alone (the residual a faint copy of it),
/// 8 s of a voice from the seats over the film, 8 s of the voice alone (the film silent).
/// </summary>
public sealed class FilmPipelineTests
{
    private const int Rate = 16000;
    private const double Segment = 8;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task RunAsync_FilmAloneThenAudienceOverIt_FilmInTheMoodAndCountsAndTheAudienceCountedOverTheFilm()
    {
        var (residual, removed) = Scene();
        var recording = new RecordingSink();
        using var store = new InMemoryResultStore();
        var storeSink = new ResultStoreSink(store, new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 18, 0, 30, TimeSpan.Zero)));
        using var metrics = new PipelineMetrics();
        var pipeline = PipelineRunner.Create(new ScriptedFilmSource(residual, removed), Classify, [recording, new StoreMoodSink(storeSink)], metrics: metrics);

        await pipeline.RunAsync(CancellationToken.None).WaitAsync(Generous);
        storeSink.Complete();

        Assert.Equal(0, metrics.DroppedChunks + metrics.DroppedWindows + metrics.DroppedResults);
        var updates = recording.Updates.Where(u => u.Window is not null).ToList();
        var filmAlone = Within(updates, 0);
        var overFilm = Within(updates, Segment);
        var alone = Within(updates, 2 * Segment);
        Assert.Equal(13, filmAlone.Count);
        Assert.All(filmAlone, u => Assert.True(u.Window!.Value.IsFilm && u.Window.Value.FilmSpeaks, $"window at {u.Window.Value.Start} is not the film's"));
        Assert.All(filmAlone, u => Assert.Null(u.Window!.Value.Label));
        Assert.Equal(AudienceMood.Film, filmAlone[^1].Mood);
        Assert.All(overFilm, u => Assert.True(u.Window!.Value.IsAudienceOverFilm, $"window at {u.Window.Value.Start} is not the audience over the film"));
        Assert.Equal(AudienceMood.Positive, overFilm[^1].Mood);
        Assert.All(alone, u => Assert.True(u.Window!.Value.IsAudienceSpeech && !u.Window.Value.FilmSpeaks, $"window at {u.Window.Value.Start} is not the audience alone"));

        var film = updates.Count(u => u.Window!.Value.IsFilm);
        var audienceOverFilm = updates.Count(u => u.Window!.Value.IsAudienceOverFilm);
        var minute = Assert.Single(store.Minutes).Value;
        Assert.Equal(updates.Count, minute.Tally.WindowCount);
        Assert.Equal(film, minute.Tally.FilmWindowCount);
        Assert.Equal(audienceOverFilm, minute.Tally.AudienceOverFilmCount);

        // Three windows straddle each change of scene: those at 8 s may go either way, those at 16 s
        // hold the voice and the end of the film.
        Assert.InRange(film, filmAlone.Count, filmAlone.Count + 3);
        Assert.InRange(audienceOverFilm, overFilm.Count, overFilm.Count + 6);
        Assert.Equal((film, audienceOverFilm), (metrics.FilmWindows, metrics.AudienceOverFilmWindows));
        Assert.Equal(film, store.Windows.Count(w => w.Value.IsFilm));
    }

    // Speech when the window is louder than -45 dBFS, and always positive: which windows keep a
    // label is then up to the film gate alone.
    private static WindowResult Classify(ReadOnlySpan<float> window, TimeSpan start)
    {
        var level = (float)(20 * Math.Log10(Math.Max(Signals.Rms(window), 1e-10)));
        return new WindowResult(start, start + Window, level > -45, new SentimentScores(0.1f, 0.1f, 0.8f), level);
    }

    // Windows that lie wholly in the segment starting at from seconds.
    private static List<MoodUpdate> Within(List<MoodUpdate> updates, double from) =>
        updates.Where(u => u.Window!.Value.Start >= TimeSpan.FromSeconds(from) && u.Window.Value.End <= TimeSpan.FromSeconds(from + Segment)).ToList();

    private static (float[] Residual, float[] Removed) Scene()
    {
        var length = (int)(3 * Segment * Rate);
        var speech = SyntheticSpeech.Generate(3 * Segment, Rate);

        // The voice is the same kind of speech out of step with the film: its phrases pause
        // elsewhere and its syllables fall between the film's.
        var shift = (int)(1.375 * Rate);
        var noise = Signals.Noise(3 * Segment, 0.0005, seed: 9);
        var residual = new float[length];
        var removed = new float[length];
        var audienceFrom = (int)(Segment * Rate);
        var filmTo = (int)(2 * Segment * Rate);
        for (var i = 0; i < length; i++)
        {
            var film = i < filmTo ? 0.5f * speech[i] : 0f;
            var voice = i >= audienceFrom ? 0.5f * speech[i - shift] : 0f;
            removed[i] = film;
            residual[i] = (0.05f * film) + voice + noise[i];
        }

        return (residual, removed);
    }
}
