using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Text;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Transcription;

namespace EdgeSentiment.Device.Composition;

/// <summary>
/// Names the setting behind a file the agent cannot use. The loaders are shared with the technician's
/// tool and speak of its options (<c>--model</c>); on the agent the thing to change is a setting.
/// </summary>
internal static class SettingFailures
{
    private const string Model = $"{PipelineOptions.SectionName}:{nameof(PipelineOptions.Model)}";
    private const string CaptureFile = $"{CaptureOptions.SectionName}:{nameof(CaptureOptions.File)}";
    private const string Transcription = $"{TranscriptionOptions.SectionName}:{nameof(TranscriptionOptions.Enabled)}";
    private const string TextModel = $"{TranscriptionOptions.SectionName}:{nameof(TranscriptionOptions.TextModel)}";

    public static ModelLoadException ForModel(string path, ModelLoadException failure) => File.Exists(path)
        ? new ModelLoadException($"{Model}: {failure.Message}", failure)
        : new ModelLoadException(
            $"{Model}: {path}: model file not found; set {Model} to the path of an EdgeSentiment .onnx model (empty for the shipped one), or reinstall the models folder",
            failure);

    public static AudioFormatException ForCaptureFile(string path, AudioFormatException failure) => File.Exists(path)
        ? new AudioFormatException($"{CaptureFile}: {failure.Message}", failure)
        : new AudioFormatException(
            $"{CaptureFile}: {path}: file not found; set {CaptureFile} to a WAV file (a relative path is looked up in the working folder, then beside the program)",
            failure);

    public static TranscriptionException ForRecogniser(TranscriptionException failure) => new(
        $"{Transcription} is true, but {failure.Message.TrimEnd('.')}; or set {Transcription} to false",
        failure);

    public static ModelLoadException ForTextModel(string path, ModelLoadException failure) => File.Exists(path)
        ? new ModelLoadException($"{Transcription} is true, but the text model {TextModel} cannot be used: {failure.Message}", failure)
        : new ModelLoadException(
            $"{Transcription} is true, but the text model {path} is missing ({TextModel}): set {TextModel} to an EdgeSentiment text model (.onnx, empty for the shipped models/{TextModelFiles.DefaultFileName}), reinstall the models folder, or set {Transcription} to false",
            failure);
}
