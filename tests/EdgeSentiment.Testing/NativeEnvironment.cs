using System.Runtime.InteropServices;

namespace EdgeSentiment.Testing;

/// <summary>
/// Sets variables in the C library's environment: .NET's Environment.SetEnvironmentVariable only
/// changes the managed copy on Linux, and ALSA reads ALSA_CONFIG_PATH with getenv.
/// </summary>
public static partial class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        if (SetEnv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed");
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
