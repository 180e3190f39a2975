using System.Runtime.InteropServices;

namespace EdgeSentiment.Core.Inference;

/// <summary>
/// The C library's own environment, which native code reads with getenv: .NET keeps a copy of its own,
/// so <see cref="Environment.SetEnvironmentVariable(string, string)"/> never reaches ONNX Runtime.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> for native code in this process; false when the C library refused.</summary>
    public static bool TrySet(string name, string value) =>
        !OperatingSystem.IsWindows() && SetEnv(name, value, overwrite: 1) == 0;

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
