using System.CommandLine;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli;

/// <summary>The <c>--model</c> option shared by every command that runs the classifier.</summary>
public static class ModelOption
{
    public static Option<FileInfo?> Create() => new("--model")
    {
        Description = $"ONNX model to use (default: the shipped int8 model, models/{ModelFiles.DefaultFileName}).",
    };

    public static string PathOf(FileInfo? model) => model?.FullName ?? ModelFiles.DefaultPath;
}
