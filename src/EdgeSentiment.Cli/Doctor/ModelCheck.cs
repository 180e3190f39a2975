using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>The configured model loads and matches the feature contract, through the agent's own loader.</summary>
public sealed class ModelCheck : IDoctorCheck
{
    public string Name => "model";

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.ModelPath;
        try
        {
            using var classifier = WindowClassifier.Load(path, threads: 1);
            var model = classifier.Model;
            return Task.FromResult(CheckResult.Pass(Name, $"{path}: {model.Name} {model.Version} ({model.Precision}), matches the feature contract"));
        }
        catch (ModelLoadException e)
        {
            var fix = File.Exists(path)
                ? "use a model exported by scripts/train for this version (docs/model-contract.md), or set Pipeline:Model to a shipped model"
                : $"set Pipeline:Model in {context.ConfigurationHint} to an existing .onnx file, or leave it empty for the shipped model";
            return Task.FromResult(CheckResult.Fail(Name, e.Message, fix));
        }
    }
}
