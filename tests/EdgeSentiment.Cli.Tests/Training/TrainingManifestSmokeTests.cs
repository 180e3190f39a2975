using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Tests.Training;

public sealed class TrainingManifestSmokeTests : IClassFixture<TrainingManifestSmokeRun>
{
    private readonly TrainingManifestSmokeRun _run;

    public TrainingManifestSmokeTests(TrainingManifestSmokeRun run) => _run = run;

    [Fact]
    public void Train_WithAManifestOfOpusClips_ReportsTheSelectionFigureOfEachCorpus()
    {
        Assert.True(_run.ExitCode == 0, $"scripts/train --smoke --smoke-manifest exited with {_run.ExitCode}:\n{_run.Output}");

        Assert.Contains("Decoding 6 clips to 16 kHz WAV", _run.Output, StringComparison.Ordinal);
        Assert.Contains("tiny: 6 training clips of 2 speakers", _run.Output, StringComparison.Ordinal);
        Assert.Contains("Selection figure, ravdess (18 unheard clips)", _run.Output, StringComparison.Ordinal);
        Assert.Contains("Selection figure, tiny (6 unheard clips)", _run.Output, StringComparison.Ordinal);
        Assert.Contains("Selection figure, all (24 unheard clips)", _run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_WithAManifest_WritesAnInt8ModelTheDeviceLoads()
    {
        Assert.True(_run.ExitCode == 0, $"scripts/train --smoke --smoke-manifest exited with {_run.ExitCode}:\n{_run.Output}");
        var path = Path.Combine(_run.OutputFolder, ModelFiles.DefaultFileName);

        using var classifier = WindowClassifier.Load(path);

        Assert.Equal("int8", classifier.Model.Precision);
        Assert.Equal(198, classifier.Model.WindowFrames);
    }
}
