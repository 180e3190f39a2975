using System.Globalization;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeSentiment.Core.Text;

/// <summary>
/// The ONNX text sentiment model (<c>scripts/train-text</c>): text in, the three probabilities out,
/// in the same <see cref="SentimentScores"/> as the voice model. Loaded once; one instance serves
/// one thread at a time, and a call allocates nothing for ASCII text.
/// </summary>
public sealed class TextSentimentClassifier : IDisposable
{
    public const string IdsInput = "ids";
    public const string ValuesInput = "values";
    public const string OutputName = "probabilities";
    private const string Kind = "text-sentiment";
    private const string Prefix = "edgesentiment.";

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly TextFeaturizer _featurizer;
    // The graph's inputs are fixed at the capacity and bound once: unused slots are id 0 with
    // value 0, which add nothing, so a text never needs tensors of its own length.
    private readonly long[] _ids;
    private readonly float[] _values;
    private readonly float[] _output = new float[SentimentLabels.Count];
    private readonly OrtValue _idsValue;
    private readonly OrtValue _valuesValue;
    private readonly OrtValue _outputValue;
    private readonly OrtIoBinding _binding;
    private int _lastCount;

    private TextSentimentClassifier(InferenceSession session, TextFeatureSettings settings, string path, string version)
    {
        _session = session;
        _featurizer = new TextFeaturizer(settings);
        ModelPath = path;
        Version = version;
        _ids = GC.AllocateArray<long>(settings.Capacity, pinned: true);
        _values = GC.AllocateArray<float>(settings.Capacity, pinned: true);
        _idsValue = OrtValue.CreateTensorValueFromMemory(_ids, [settings.Capacity]);
        _valuesValue = OrtValue.CreateTensorValueFromMemory(_values, [settings.Capacity]);
        _outputValue = OrtValue.CreateTensorValueFromMemory(_output, [1, SentimentLabels.Count]);
        _binding = session.CreateIoBinding();
        _binding.BindInput(IdsInput, _idsValue);
        _binding.BindInput(ValuesInput, _valuesValue);
        _binding.BindOutput(OutputName, _outputValue);
    }

    public string ModelPath { get; }

    /// <summary>The model's version (<c>edgesentiment.version</c>).</summary>
    public string Version { get; }

    public TextFeatureSettings Settings => _featurizer.Settings;

    /// <summary>Loads a text model and checks that this build hashes text the way it was trained.</summary>
    /// <exception cref="ModelLoadException">Missing, corrupt or mismatched model; the message says which and what to do.</exception>
    public static TextSentimentClassifier Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelLoadException(
                $"{path}: text model not found; pass --model with the path of an EdgeSentiment text model (.onnx), or reinstall the models folder.");
        }

        InferenceSession session;
        using (var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        })
        {
            try
            {
                session = new InferenceSession(path, options);
            }
            catch (OnnxRuntimeException e)
            {
                throw new ModelLoadException(
                    $"{path}: not a loadable ONNX model ({e.Message.Split('\n')[0]}); the file may be damaged: restore it from the release.", e);
            }
        }

        try
        {
            var metadata = session.ModelMetadata.CustomMetadataMap;
            var kind = metadata.GetValueOrDefault(Prefix + "kind");
            if (kind != Kind)
            {
                throw new ModelLoadException(
                    $"{path}: not a text sentiment model (edgesentiment.kind is '{kind ?? "missing"}'); use models/{TextModelFiles.DefaultFileName}.");
            }

            Expect(metadata, "labels", "negative,neutral,positive", path);
            Expect(metadata, "text.normalization", TextFeatureSettings.Normalization, path);
            Expect(metadata, "text.hash", TextFeatureSettings.Hash, path);
            var settings = ReadSettings(metadata, path);
            CheckTensors(session, path);
            return new TextSentimentClassifier(session, settings, path, metadata.GetValueOrDefault(Prefix + "version", "unversioned"));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The probabilities of negative, neutral and positive for <paramref name="text"/>.</summary>
    public SentimentScores Classify(ReadOnlySpan<char> text)
    {
        var count = _featurizer.Featurize(text, _ids, _values);
        if (count < _lastCount)
        {
            Array.Clear(_ids, count, _lastCount - count);
            Array.Clear(_values, count, _lastCount - count);
        }

        _lastCount = count;
        _session.RunWithBinding(_runOptions, _binding);
        return SentimentScores.FromSpan(_output);
    }

    public void Dispose()
    {
        _binding.Dispose();
        _idsValue.Dispose();
        _valuesValue.Dispose();
        _outputValue.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private static TextFeatureSettings ReadSettings(IReadOnlyDictionary<string, string> metadata, string path)
    {
        var chars = Read(metadata, "text.char_ngrams", path).Split('-');
        var settings = new TextFeatureSettings(
            ReadInt(metadata, "text.buckets", path),
            ReadInt(metadata, "text.word_ngrams", path),
            chars.Length == 2 ? ParseInt(chars[0], "text.char_ngrams", path) : -1,
            chars.Length == 2 ? ParseInt(chars[1], "text.char_ngrams", path) : -1,
            ReadInt(metadata, "text.capacity", path));
        if (settings.Buckets <= 0 || (settings.Buckets & (settings.Buckets - 1)) != 0 || settings.WordNgrams is < 1 or > 2
            || settings.CharMin < 1 || settings.CharMax < settings.CharMin || settings.Capacity < 1)
        {
            throw new ModelLoadException($"{path}: the text feature settings in the metadata are out of range ({settings}); use a model made by scripts/train-text.");
        }

        return settings;
    }

    private static void Expect(IReadOnlyDictionary<string, string> metadata, string key, string expected, string path)
    {
        var found = Read(metadata, key, path);
        if (found != expected)
        {
            throw new ModelLoadException(
                $"{path}: {Prefix}{key}: the model has '{found}', this build has '{expected}'; use a text model made for this build.");
        }
    }

    private static string Read(IReadOnlyDictionary<string, string> metadata, string key, string path) =>
        metadata.TryGetValue(Prefix + key, out var value)
            ? value
            : throw new ModelLoadException($"{path}: the metadata has no {Prefix}{key}; use a model made by scripts/train-text.");

    private static int ReadInt(IReadOnlyDictionary<string, string> metadata, string key, string path) =>
        ParseInt(Read(metadata, key, path), key, path);

    private static int ParseInt(string text, string key, string path) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ModelLoadException($"{path}: {Prefix}{key} is '{text}', not a number; use a model made by scripts/train-text.");

    private static void CheckTensors(InferenceSession session, string path)
    {
        if (!session.InputMetadata.TryGetValue(IdsInput, out var ids) || ids.ElementDataType != TensorElementType.Int64
            || !session.InputMetadata.TryGetValue(ValuesInput, out var values) || values.ElementDataType != TensorElementType.Float
            || !session.OutputMetadata.TryGetValue(OutputName, out var output) || output.ElementDataType != TensorElementType.Float)
        {
            throw new ModelLoadException(
                $"{path}: a text model needs inputs '{IdsInput}' (int64) and '{ValuesInput}' (float) and the output '{OutputName}' (float); use a model made by scripts/train-text.");
        }
    }
}
