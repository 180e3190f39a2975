using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;

namespace EdgeSentiment.Core.Inference;

/// <summary>Where the shipped models live next to the program, and which one suits this CPU.</summary>
public static class ModelFiles
{
    public const string DefaultFileName = "sentiment-int8.onnx";
    public const string FullPrecisionFileName = "sentiment-fp32.onnx";

    /// <summary>The configured model name that asks for <see cref="ForThisCpuPath"/>.</summary>
    public const string Auto = "auto";

    /// <summary>The default model: int8, in the <c>models</c> folder beside the executable.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", DefaultFileName);

    /// <summary>The shipped model <see cref="FileNameFor"/> picks for the CPU this process runs on.</summary>
    public static string ForThisCpuPath =>
        Path.Combine(AppContext.BaseDirectory, "models", FileNameFor(RuntimeInformation.ProcessArchitecture, Dp.IsSupported));

    /// <summary>
    /// fp32 on an Arm CPU without the dot-product instructions (SDOT/UDOT, Armv8.2-A: not on a
    /// Raspberry Pi 4's Cortex-A72), whose int8 kernels then run slower than fp32; int8 otherwise.
    /// </summary>
    public static string FileNameFor(Architecture architecture, bool armDotProduct) =>
        (architecture is Architecture.Arm64 or Architecture.Arm or Architecture.Armv6) && !armDotProduct
            ? FullPrecisionFileName
            : DefaultFileName;
}
