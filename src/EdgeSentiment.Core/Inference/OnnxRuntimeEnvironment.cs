using Microsoft.ML.OnnxRuntime;

namespace EdgeSentiment.Core.Inference;

/// <summary>
/// The process's one ONNX Runtime environment, made with telemetry off: nothing leaves the device,
/// and nothing about it (a device id, an event database) is written under the user's home.
/// </summary>
/// <remarks>
/// Creating the environment is what starts ONNX Runtime's telemetry and writes
/// ~/.cache/Microsoft/DeveloperTools/.onnxruntime, so <c>DisableTelemetryEvents</c> afterwards is too late
/// on its own: ORT_DISABLE_TELEMETRY must be in the native environment before the library is first called.
/// Every session the product makes (agent, CLI, benchmarks) goes through <see cref="Instance"/> first.
/// </remarks>
public static class OnnxRuntimeEnvironment
{
    /// <summary>The variable ONNX Runtime reads when its environment is created.</summary>
    public const string DisableTelemetryVariable = "ORT_DISABLE_TELEMETRY";

    private static readonly Lazy<OrtEnv> Environment = new(Create);

    /// <summary>The environment, created on first use with telemetry off.</summary>
    public static OrtEnv Instance => Environment.Value;

    private static OrtEnv Create()
    {
        // Set while no other thread can be in ONNX Runtime: nothing has called it yet.
        NativeEnvironment.TrySet(DisableTelemetryVariable, "1");
        var env = OrtEnv.Instance();
        env.DisableTelemetryEvents();
        return env;
    }
}
