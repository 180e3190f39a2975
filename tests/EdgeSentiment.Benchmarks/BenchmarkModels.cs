using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Benchmarks;

/// <summary>The shipped models beside this executable, by precision.</summary>
public static class BenchmarkModels
{
    public const string Quantized = "int8";
    public const string FullPrecision = "fp32";

    public static string PathOf(string precision)
    {
        var file = precision switch
        {
            Quantized => ModelFiles.DefaultFileName,
            FullPrecision => ModelFiles.FullPrecisionFileName,
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "precision is int8 or fp32"),
        };
        var path = Path.Combine(AppContext.BaseDirectory, "models", file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build from a checkout with the models folder (models/*.onnx).", path);
    }
}
