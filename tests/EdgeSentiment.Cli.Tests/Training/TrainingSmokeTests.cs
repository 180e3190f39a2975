using EdgeSentiment.Core.Features;
using EdgeSentiment.Core.Inference;
using Microsoft.ML.OnnxRuntime;

namespace EdgeSentiment.Cli.Tests.Training;

public sealed class TrainingSmokeTests : IClassFixture<TrainingSmokeRun>
{
    private static readonly string[] ContractKeys =
    [
        "edgesentiment.contract", "edgesentiment.labels", "edgesentiment.feature", "edgesentiment.sample_rate",
        "edgesentiment.frame_length", "edgesentiment.hop_length", "edgesentiment.fft_size",
        "edgesentiment.mel_bands", "edgesentiment.fmin", "edgesentiment.fmax", "edgesentiment.log_floor",
        "edgesentiment.window_frames", "edgesentiment.normalization", "edgesentiment.model_name",
        "edgesentiment.model_version", "edgesentiment.precision",
    ];

    private readonly TrainingSmokeRun _run;

    public TrainingSmokeTests(TrainingSmokeRun run) => _run = run;

    [Fact]
    public void Train_Smoke_ExitsWithSuccess()
    {
        Assert.True(_run.ExitCode == 0, $"scripts/train --smoke exited with {_run.ExitCode}:\n{_run.Output}");
    }

    [Theory]
    [InlineData(ModelFiles.FullPrecisionFileName, "fp32")]
    [InlineData(ModelFiles.DefaultFileName, "int8")]
    public void Train_Smoke_WritesModelWithContractMetadata(string fileName, string precision)
    {
        var path = Path.Combine(_run.OutputFolder, fileName);
        Assert.True(File.Exists(path), $"{fileName} was not written:\n{_run.Output}");

        using var session = new InferenceSession(path);
        var metadata = session.ModelMetadata.CustomMetadataMap;

        foreach (var key in ContractKeys)
        {
            Assert.True(metadata.ContainsKey(key), $"{fileName} lacks the metadata key {key}");
        }

        Assert.Equal(precision, metadata["edgesentiment.precision"]);
        var contract = ModelContract.Parse(metadata, fileName);
        var frames = LogMelSettings.Default.FrameCount(32000);
        Assert.Null(contract.FindFeatureMismatch(LogMelSettings.Default, frames));
    }

    [Theory]
    [InlineData(ModelFiles.FullPrecisionFileName)]
    [InlineData(ModelFiles.DefaultFileName)]
    public void Train_Smoke_ModelRunsInOnnxRuntimeAndGivesProbabilities(string fileName)
    {
        var path = Path.Combine(_run.OutputFolder, fileName);
        Assert.True(File.Exists(path), $"{fileName} was not written:\n{_run.Output}");
        var input = RandomLogMel.Windows(2, seed: 7);

        using var session = new InferenceSession(path);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(ModelContract.InputName, input)]);
        var output = results.First(r => r.Name == ModelContract.OutputName).AsTensor<float>();

        Assert.Equal([2, 3], output.Dimensions.ToArray());
        for (var row = 0; row < 2; row++)
        {
            var sum = output[row, 0] + output[row, 1] + output[row, 2];
            Assert.InRange(sum, 0.999f, 1.001f);
        }
    }
}
