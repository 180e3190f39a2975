using EdgeSentiment.Cli.Bench;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Commands;

/// <summary>
/// <c>bench auditorium</c> on the three sample recordings (as the audience and as the film's dialogue) in
/// one room at one film level: small enough for a test, with the canceller and the gate as the agent runs them.
/// </summary>
public sealed class AuditoriumBenchTests
{
    private static readonly Lazy<AuditoriumReport> Report = new(RunSmallAuditorium);

    [Fact]
    public void Run_WithTheGate_MarksFilmOnlyWindowsThatAreNotSpeechAsFilm_AsTheDeviceDoes()
    {
        var gated = Assert.Single(Report.Value.Rows, r => r.Processing == "canceller+gate" && r.FilmDb is not null);
        var cancelled = Assert.Single(Report.Value.Rows, r => r.Processing == "canceller");

        // The film-only windows that pass the speech detector after cancelling are the canceller's row's
        // "scored as audience"; the gate judges every window, so it marks at least those as film.
        Assert.NotNull(gated.FilmOnlyMarkedFilm);
        Assert.True(
            gated.FilmOnlyMarkedFilm > 0 && gated.FilmOnlyMarkedFilm >= cancelled.FilmOnlyScored,
            $"film-only windows marked film: {gated.FilmOnlyMarkedFilm:P1}; scored as audience after cancelling: {cancelled.FilmOnlyScored:P1}");
    }

    [Fact]
    public void Run_WithTheGate_ScoresNoMoreFilmOnlyWindowsAsAudienceThanTheCancellerAlone()
    {
        var gated = Assert.Single(Report.Value.Rows, r => r.Processing == "canceller+gate" && r.FilmDb is not null);
        var cancelled = Assert.Single(Report.Value.Rows, r => r.Processing == "canceller");

        Assert.True(gated.FilmOnlyScored <= cancelled.FilmOnlyScored, $"{gated.FilmOnlyScored} > {cancelled.FilmOnlyScored}");
        Assert.True(gated.Heard <= cancelled.Heard);
    }

    [Fact]
    public void Run_WithAReference_ScoresTheSameSpeechWithoutFilmAsTheBaselineOfTheCancellerRows()
    {
        var baseline = Assert.Single(Report.Value.Rows, r => r.Processing == "canceller+gate" && r.FilmDb is null);

        Assert.Null(baseline.FilmOnlyScored);
        Assert.Null(baseline.ErleDb);
        Assert.True(baseline.Heard > 0, "the audience alone was not heard through the canceller and the gate");
    }

    [Fact]
    public void Run_WithoutTheGate_HasNoFilmMarkedShare()
    {
        Assert.All(Report.Value.Rows.Where(r => r.Processing != "canceller+gate"), r => Assert.Null(r.FilmOnlyMarkedFilm));
        Assert.All(Report.Value.Rows.Where(r => r.Processing != "canceller+gate"), r => Assert.Null(r.FilmOnlyMoodFilm));
    }

    [Fact]
    public void Run_WithTheGate_ReportsTheFilmMoodOnFilmOnlyWindows()
    {
        var gated = Assert.Single(Report.Value.Rows, r => r.Processing == "canceller+gate" && r.FilmDb is not null);

        Assert.NotNull(gated.FilmOnlyMoodFilm);
        Assert.InRange(gated.FilmOnlyMoodFilm.Value, 0, 1);
    }

    [Fact]
    public void Write_PrintsTheFilmMarkedShareNextToTheFilmScoredAsAudience()
    {
        var report = new AuditoriumReport(
            3,
            0.5,
            [
                new AuditoriumRow(null, null, "none", null, null, null, 0.5, 1, null),
                new AuditoriumRow(10, 1.0, "canceller", 0.021, null, null, 0.4, 0.6, 26.1),
                new AuditoriumRow(10, 1.0, "canceller+gate", 0.008, 0.912, 0.75, 0.35, 0.59, 26.1),
            ],
            3,
            0.04,
            1.9,
            null);
        using var output = new StringWriter();

        AuditoriumTable.Write(output, report);

        var lines = output.ToString().Split('\n');
        Assert.Contains("| film | RT60 | processing | film-only windows scored as audience | film-only windows marked film | film-only windows with the mood Film | UAR | utterances heard | ERLE |", lines[2], StringComparison.Ordinal);
        Assert.Equal("|---|---|---|---|---|---|---|---|---|", lines[3].TrimEnd());
        Assert.Equal("| none | - | none | - | - | - | 0.500 | 100 % | - |", lines[4].TrimEnd());
        Assert.Equal("| +10 dB | 1.0 s | canceller | 2.1 % | - | - | 0.400 | 60 % | 26.1 dB |", lines[5].TrimEnd());
        Assert.Equal("| +10 dB | 1.0 s | canceller+gate | 0.8 % | 91.2 % | 75.0 % | 0.350 | 59 % | 26.1 dB |", lines[6].TrimEnd());
    }

    private static AuditoriumReport RunSmallAuditorium()
    {
        AudienceClip[] audience =
        [
            new(AudioLoader.LoadMono(RepositoryPaths.Sample("negative-angry.wav"), 16000).Samples, SentimentLabel.Negative),
            new(AudioLoader.LoadMono(RepositoryPaths.Sample("neutral.wav"), 16000).Samples, SentimentLabel.Neutral),
            new(AudioLoader.LoadMono(RepositoryPaths.Sample("positive-happy.wav"), 16000).Samples, SentimentLabel.Positive),
        ];
        var model = Path.Combine(RepositoryPaths.Models, "sentiment-int8.onnx");
        using var classifier = WindowClassifier.Load(model);
        using var referenced = WindowClassifier.Load(model, speech: SpeechDetectorSettings.Auditorium);
        return AuditoriumBench.Run(
            classifier,
            referenced,
            audience,
            [.. audience.Select(a => a.Samples)],
            new AuditoriumSettings { FilmLevelsDb = [0], Rt60Seconds = [0.3] });
    }
}
