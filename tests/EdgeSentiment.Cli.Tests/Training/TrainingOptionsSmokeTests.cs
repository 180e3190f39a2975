using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Features;
using EdgeSentiment.Core.Inference;
using Microsoft.ML.OnnxRuntime;

namespace EdgeSentiment.Cli.Tests.Training;

public sealed class TrainingOptionsSmokeTests : IClassFixture<TrainingOptionsSmokeRun>
{
    // The run's 50 ms frames: 196 frames a window.
    private static readonly LogMelSettings LongerFrames = LogMelSettings.Default with { FrameLength = 800, FftSize = 1024 };
    private readonly TrainingOptionsSmokeRun _run;

    public TrainingOptionsSmokeTests(TrainingOptionsSmokeRun run) => _run = run;

    [Fact]
    public void Train_SmokeWithTheTriedOptions_WritesAnInt8ModelThatOnnxRuntimeRuns()
    {
        Assert.True(_run.ExitCode == 0, $"scripts/train --smoke with options exited with {_run.ExitCode}:\n{_run.Output}");
        var path = Path.Combine(_run.OutputFolder, ModelFiles.DefaultFileName);
        var input = RandomLogMel.Windows(1, seed: 11, LongerFrames);

        using var session = new InferenceSession(path);
        Assert.StartsWith("in-graph:floor-removal-channel,", session.ModelMetadata.CustomMetadataMap["edgesentiment.normalization"], StringComparison.Ordinal);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(ModelContract.InputName, input)]);
        var output = results.First(r => r.Name == ModelContract.OutputName).AsTensor<float>();
        Assert.InRange(output[0, 0] + output[0, 1] + output[0, 2], 0.999f, 1.001f);
    }

    [Fact]
    public void AModelOnOtherFrames_IsRefusedByTheDevice_NamingTheSetting()
    {
        Assert.True(_run.ExitCode == 0, $"scripts/train --smoke with options exited with {_run.ExitCode}:\n{_run.Output}");
        var path = Path.Combine(_run.OutputFolder, ModelFiles.DefaultFileName);

        var e = Assert.Throws<ModelLoadException>(() => WindowClassifier.Load(path).Dispose());

        Assert.Contains("edgesentiment.frame_length: the model has 800, this build computes 400", e.Message, StringComparison.Ordinal);
    }
}
