using System.Globalization;
using EdgeSentiment.Core.Features;

namespace EdgeSentiment.Core.Inference;

/// <summary>What a model says about itself in its ONNX metadata (see docs/model-contract.md).</summary>
public sealed class ModelContract
{
    public const string InputName = "logmel";
    public const string OutputName = "probabilities";
    public const int SupportedVersion = 1;
    private const string Prefix = "edgesentiment.";

    private ModelContract(
        IReadOnlyList<SentimentLabel> labels,
        LogMelSettings features,
        int windowFrames,
        string name,
        string version,
        string precision,
        string normalization)
    {
        Labels = labels;
        Features = features;
        WindowFrames = windowFrames;
        Name = name;
        Version = version;
        Precision = precision;
        Normalization = normalization;
    }

    /// <summary>The model's output columns, in order.</summary>
    public IReadOnlyList<SentimentLabel> Labels { get; }

    public LogMelSettings Features { get; }

    public int WindowFrames { get; }

    public string Name { get; }

    public string Version { get; }

    public string Precision { get; }

    public string Normalization { get; }

    /// <summary>Reads the contract from metadata; <paramref name="source"/> names the file in errors.</summary>
    public static ModelContract Parse(IReadOnlyDictionary<string, string> metadata, string source)
    {
        ArgumentNullException.ThrowIfNull(metadata);

        var contractVersion = ReadInt(metadata, "contract", source);
        if (contractVersion != SupportedVersion)
        {
            throw new ModelLoadException(
                $"{source}: model contract version {contractVersion} is not supported (this build reads version {SupportedVersion}); use a model made for this version of EdgeSentiment.");
        }

        var labels = ParseLabels(Read(metadata, "labels", source), source);
        var features = new LogMelSettings
        {
            FeatureVersion = Read(metadata, "feature", source),
            SampleRate = ReadInt(metadata, "sample_rate", source),
            FrameLength = ReadInt(metadata, "frame_length", source),
            HopLength = ReadInt(metadata, "hop_length", source),
            FftSize = ReadInt(metadata, "fft_size", source),
            MelBands = ReadInt(metadata, "mel_bands", source),
            MinFrequency = ReadDouble(metadata, "fmin", source),
            MaxFrequency = ReadDouble(metadata, "fmax", source),
            LogFloor = ReadDouble(metadata, "log_floor", source),
        };

        return new ModelContract(
            labels,
            features,
            ReadInt(metadata, "window_frames", source),
            metadata.GetValueOrDefault(Prefix + "model_name", "unnamed"),
            metadata.GetValueOrDefault(Prefix + "model_version", "unversioned"),
            metadata.GetValueOrDefault(Prefix + "precision", "unknown"),
            metadata.GetValueOrDefault(Prefix + "normalization", "unknown"));
    }

    /// <summary>
    /// The first field where the model's features differ from <paramref name="extractor"/>'s,
    /// as "field: model X, extractor Y", or null when they match.
    /// </summary>
    public string? FindFeatureMismatch(LogMelSettings extractor, int expectedWindowFrames)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        if (!string.Equals(Features.FeatureVersion, extractor.FeatureVersion, StringComparison.Ordinal))
        {
            return Describe("feature", Features.FeatureVersion, extractor.FeatureVersion);
        }

        return Compare("sample_rate", Features.SampleRate, extractor.SampleRate)
            ?? Compare("frame_length", Features.FrameLength, extractor.FrameLength)
            ?? Compare("hop_length", Features.HopLength, extractor.HopLength)
            ?? Compare("fft_size", Features.FftSize, extractor.FftSize)
            ?? Compare("mel_bands", Features.MelBands, extractor.MelBands)
            ?? Compare("fmin", Features.MinFrequency, extractor.MinFrequency)
            ?? Compare("fmax", Features.MaxFrequency, extractor.MaxFrequency)
            ?? Compare("log_floor", Features.LogFloor, extractor.LogFloor)
            ?? Compare("window_frames", WindowFrames, expectedWindowFrames);
    }

    private static string? Compare(string field, double model, double extractor) =>
        Math.Abs(model - extractor) <= 1e-6 * Math.Max(Math.Abs(model), Math.Abs(extractor))
            ? null
            : Describe(field, model.ToString(CultureInfo.InvariantCulture), extractor.ToString(CultureInfo.InvariantCulture));

    private static string Describe(string field, string model, string extractor) =>
        $"{Prefix}{field}: the model has {model}, this build computes {extractor}";

    private static SentimentLabel[] ParseLabels(string text, string source)
    {
        var words = text.Split(',', StringSplitOptions.TrimEntries);
        var labels = new SentimentLabel[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            labels[i] = SentimentLabels.TryParse(words[i], out var label)
                ? label
                : throw new ModelLoadException(
                    $"{source}: {Prefix}labels has '{words[i]}'; allowed labels are negative, neutral, positive.");
        }

        if (labels.Length != 3 || labels.Distinct().Count() != 3)
        {
            throw new ModelLoadException(
                $"{source}: {Prefix}labels is '{text}'; a model must name negative, neutral and positive once each.");
        }

        return labels;
    }

    private static string Read(IReadOnlyDictionary<string, string> metadata, string key, string source) =>
        metadata.TryGetValue(Prefix + key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ModelLoadException(
                $"{source}: the model's metadata has no '{Prefix}{key}'; it was not made for EdgeSentiment (see docs/model-contract.md).");

    private static int ReadInt(IReadOnlyDictionary<string, string> metadata, string key, string source)
    {
        var text = Read(metadata, key, source);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ModelLoadException($"{source}: {Prefix}{key} is '{text}', not a whole number.");
    }

    private static double ReadDouble(IReadOnlyDictionary<string, string> metadata, string key, string source)
    {
        var text = Read(metadata, key, source);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ModelLoadException($"{source}: {Prefix}{key} is '{text}', not a number.");
    }
}
