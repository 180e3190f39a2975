using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Composition;

/// <summary>
/// Names the setting behind a file the agent cannot use. The loaders are shared with the technician's
/// tool and speak of its options (<c>--model</c>); on the agent the thing to change is a setting.
/// </summary>
internal static class SettingFailures
{
    private const string Model = $"{PipelineOptions.SectionName}:{nameof(PipelineOptions.Model)}";
    private const string CaptureFile = $"{CaptureOptions.SectionName}:{nameof(CaptureOptions.File)}";

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
}
