using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Commands;

// A screening is hours of audio on a board with 1-2 GB: analyze must stream, whatever the length.
public sealed class AnalyzeLongRecordingTests : IDisposable
{
    private readonly TempFolder _dir = new();

    [Fact]
    public void ThreeMinutesAt48kHzStereo_AllocatesAFractionOfTheAudio()
    {
        // 3 min of 48 kHz stereo: 34.6 MB as mono floats at its own rate, 11.5 MB more at 16 kHz.
        var path = _dir.PathOf("long.wav");
        Sox.Run(RepositoryPaths.Sample("screening.wav"), "-r", "48000", "-c", "2", "-b", "16", path, "repeat", "5");
        var shortPath = _dir.PathOf("short.wav");
        Sox.Run(RepositoryPaths.Sample("screening.wav"), "-r", "48000", "-c", "2", "-b", "16", shortPath, "trim", "0", "10");

        var shortBytes = AllocatedBy(() => CliRun.Of("analyze", shortPath));
        CliRun? run = null;
        var longBytes = AllocatedBy(() => run = CliRun.Of("analyze", path));

        Assert.Equal(0, run!.ExitCode);
        Assert.Contains("overall:", run.Out, StringComparison.Ordinal);
        // What grows with the length is the printed table and a few bytes per window, not the audio.
        Assert.True(longBytes - shortBytes < 4_000_000, $"analyzing 3 min more audio allocated {longBytes - shortBytes:N0} bytes more");
    }

    [Fact]
    public void SixMinutes_ReportsProgressOnStderrAndTheTableOnStdout()
    {
        var path = _dir.PathOf("screening-6min.wav");
        Sox.Run(RepositoryPaths.Sample("screening.wav"), "-r", "8000", path, "repeat", "12", "trim", "0", "360");

        var run = CliRun.Of("analyze", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{path}: 50 % (0:03:00 of 0:06:00)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" % (", run.Out, StringComparison.Ordinal);
        Assert.Contains("overall:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Streamed_EqualsTheWholeRecordingAnalyzedAtOnce()
    {
        var path = _dir.PathOf("screening-44k.wav");
        Sox.Run(RepositoryPaths.Sample("screening.wav"), "-r", "44100", "-c", "2", path);
        using var analyzer = RecordingAnalyzer.Load(Path.Combine(RepositoryPaths.Models, "sentiment-int8.onnx"));

        var whole = analyzer.Analyze(AudioLoader.LoadMono(path));
        using var reader = RecordingReader.Open(path, analyzer.SampleRate);
        var streamed = analyzer.Analyze(reader);

        Assert.Equal(whole.DurationSeconds, streamed.DurationSeconds);
        Assert.Equal(whole.Windows, streamed.Windows);
        Assert.Equal(whole.Verdict, streamed.Verdict);
    }

    public void Dispose() => _dir.Dispose();

    private static long AllocatedBy(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
