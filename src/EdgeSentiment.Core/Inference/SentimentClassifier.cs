using System.Runtime.InteropServices;
using EdgeSentiment.Core.Features;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeSentiment.Core.Inference;

/// <summary>
/// The ONNX sentiment model, loaded once and run per analysis window into buffers it owns.
/// One instance serves one thread at a time.
/// </summary>
public sealed class SentimentClassifier : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    // The input lives at a 64-byte boundary: ONNX Runtime's kernels take another path for a
    // buffer that is only 8-byte aligned, and the same window scored 0.8869828 or 0.8870903
    // (int8) depending on where the garbage collector happened to put an ordinary array.
    private const int InputAlignment = 64;
    private readonly Memory<float> _input;
    private readonly float[] _output;
    private readonly OrtValue _inputValue;
    private readonly OrtValue _outputValue;

    // Input and output are bound once to the pinned buffers above: the name-based Run overloads
    // marshal the names and allocate on every call (352 bytes per window), RunWithBinding does not.
    private readonly OrtIoBinding _binding;
    private readonly int[] _columnOfLabel = new int[SentimentLabels.Count];

    private SentimentClassifier(InferenceSession session, ModelContract contract, string path)
    {
        _session = session;
        Contract = contract;
        ModelPath = path;
        FeatureCount = contract.WindowFrames * contract.Features.MelBands;
        _input = AlignedBuffer(FeatureCount);
        _output = new float[SentimentLabels.Count];
        _inputValue = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance, _input, [1, contract.WindowFrames, contract.Features.MelBands]);
        _outputValue = OrtValue.CreateTensorValueFromMemory(_output, [1, SentimentLabels.Count]);
        _binding = session.CreateIoBinding();
        _binding.BindInput(ModelContract.InputName, _inputValue);
        _binding.BindOutput(ModelContract.OutputName, _outputValue);
        for (var column = 0; column < contract.Labels.Count; column++)
        {
            _columnOfLabel[(int)contract.Labels[column]] = column;
        }
    }

    public ModelContract Contract { get; }

    public string ModelPath { get; }

    /// <summary>Values of one window's log-mel input: frames × mel bands.</summary>
    public int FeatureCount { get; }

    /// <summary>
    /// Loads <paramref name="path"/> and checks that its contract matches <paramref name="features"/>
    /// and a window of <paramref name="windowFrames"/> frames.
    /// </summary>
    /// <exception cref="ModelLoadException">Missing, unreadable, corrupt or mismatched model; the message says which and what to do.</exception>
    public static SentimentClassifier Load(string path, LogMelSettings features, int windowFrames, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (!File.Exists(path))
        {
            throw new ModelLoadException(
                $"{path}: model file not found; pass --model with the path of an EdgeSentiment .onnx model, or reinstall the models folder.");
        }

        _ = OnnxRuntimeEnvironment.Instance;
        InferenceSession session;
        using (var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
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
                    $"{path}: not a loadable ONNX model ({FirstLine(e.Message)}); the file may be damaged: restore it from the release.",
                    e);
            }
        }

        try
        {
            var contract = ModelContract.Parse(session.ModelMetadata.CustomMetadataMap, path);
            var mismatch = contract.FindFeatureMismatch(features, windowFrames);
            if (mismatch is not null)
            {
                throw new ModelLoadException($"{path}: the model was trained on other features ({mismatch}); use a model made for this build.");
            }

            CheckTensors(session, contract, path);
            return new SentimentClassifier(session, contract, path);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The model's input (<see cref="FeatureCount"/> log-mel values, frame after frame): a caller
    /// that computes features straight into it saves a copy per window. The model never writes to
    /// it, so it still holds the last window's features at the next call.
    /// </summary>
    public Span<float> Input => _input.Span;

    /// <summary>
    /// Classifies one window of log-mel features (<see cref="FeatureCount"/> values) and writes
    /// the three probabilities in <see cref="SentimentLabel"/> order.
    /// </summary>
    public void Predict(ReadOnlySpan<float> logMel, Span<float> probabilities)
    {
        if (logMel.Length != FeatureCount)
        {
            throw new ArgumentException($"expected {FeatureCount} log-mel values, got {logMel.Length}", nameof(logMel));
        }

        logMel.CopyTo(_input.Span);
        Predict(probabilities);
    }

    /// <summary>Classifies the features in <see cref="Input"/>; probabilities in <see cref="SentimentLabel"/> order.</summary>
    public void Predict(Span<float> probabilities)
    {
        if (probabilities.Length < SentimentLabels.Count)
        {
            throw new ArgumentException($"room for {SentimentLabels.Count} probabilities is needed", nameof(probabilities));
        }

        _session.RunWithBinding(_runOptions, _binding);
        for (var label = 0; label < SentimentLabels.Count; label++)
        {
            probabilities[label] = _output[_columnOfLabel[label]];
        }
    }

    public void Dispose()
    {
        _binding.Dispose();
        _inputValue.Dispose();
        _outputValue.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    // An array on the pinned object heap never moves, so an offset that aligns it now aligns it for good.
    private static Memory<float> AlignedBuffer(int length)
    {
        var store = GC.AllocateArray<float>(length + (InputAlignment / sizeof(float)), pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(store, 0);
        var misalignment = (int)(address % InputAlignment);
        var offset = misalignment == 0 ? 0 : (InputAlignment - misalignment) / sizeof(float);
        return store.AsMemory(offset, length);
    }

    private static void CheckTensors(InferenceSession session, ModelContract contract, string path)
    {
        if (!session.InputMetadata.TryGetValue(ModelContract.InputName, out var input))
        {
            throw new ModelLoadException($"{path}: the model has no input named '{ModelContract.InputName}' (see docs/model-contract.md).");
        }

        if (!session.OutputMetadata.TryGetValue(ModelContract.OutputName, out var output))
        {
            throw new ModelLoadException($"{path}: the model has no output named '{ModelContract.OutputName}' (see docs/model-contract.md).");
        }

        var dims = input.Dimensions;
        if (input.ElementDataType != TensorElementType.Float || dims.Length != 3
            || (dims[1] > 0 && dims[1] != contract.WindowFrames) || (dims[2] > 0 && dims[2] != contract.Features.MelBands))
        {
            throw new ModelLoadException(
                $"{path}: input '{ModelContract.InputName}' is {input.ElementDataType}[{string.Join(',', dims)}]; expected Float[N,{contract.WindowFrames},{contract.Features.MelBands}].");
        }

        var outDims = output.Dimensions;
        if (output.ElementDataType != TensorElementType.Float || outDims.Length != 2 || (outDims[1] > 0 && outDims[1] != SentimentLabels.Count))
        {
            throw new ModelLoadException(
                $"{path}: output '{ModelContract.OutputName}' is {output.ElementDataType}[{string.Join(',', outDims)}]; expected Float[N,{SentimentLabels.Count}].");
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
