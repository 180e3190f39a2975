using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>Keeps ALSA and JACK, the libraries under PortAudio, from printing to standard error.</summary>
/// <remarks>
/// Pa_Initialize opens every PCM the ALSA configuration names and asks for a JACK server. On a
/// board with one USB microphone and no JACK, that prints about a hundred lines ("ALSA lib
/// confmisc.c: cannot find card '0'", "jack server is not running or cannot be started") at
/// every initialisation, and the capture source initialises again on every retry, so a missing
/// microphone would fill the journal and bury the one line that says what to do. None of it is an
/// error of ours: PortAudio's return codes say what failed, and the agent logs that. Both
/// libraries let a program install its own message handler; ours counts the messages and drops
/// them. Setting <see cref="KeepVariable"/> to 1 leaves the libraries' own printing on, for
/// debugging an audio set-up.
/// </remarks>
internal static unsafe class NativeAudioMessages
{
    /// <summary>Set to 1 to let ALSA and JACK print as they normally do.</summary>
    public const string KeepVariable = "EDGESENTIMENT_NATIVE_AUDIO_MESSAGES";

    private static int _installed;
    private static long _dropped;

    /// <summary>Messages dropped since the process started.</summary>
    public static long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Installs the handlers once per process; call before the first Pa_Initialize.</summary>
    public static void Quiet()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1
            || Environment.GetEnvironmentVariable(KeepVariable) == "1")
        {
            return;
        }

        // The same sonames PortAudio links against, so dlopen hands back the instances it uses.
        // A library that is not installed prints nothing, so there is nothing to quiet.
        if (TryExport("libasound.so.2", "snd_lib_error_set_handler", out var setAlsaHandler))
        {
            // snd_lib_error_handler_t is variadic; on the Linux x64 and arm64 ABIs the fixed
            // arguments arrive in the same registers either way, and the handler reads no others.
            _ = ((delegate* unmanaged<delegate* unmanaged<nint, int, nint, int, nint, void>, int>)setAlsaHandler)(&OnAlsaMessage);
        }

        if (TryExport("libjack.so.0", "jack_set_error_function", out var setJackError))
        {
            ((delegate* unmanaged<delegate* unmanaged<nint, void>, void>)setJackError)(&OnJackMessage);
        }

        if (TryExport("libjack.so.0", "jack_set_info_function", out var setJackInfo))
        {
            ((delegate* unmanaged<delegate* unmanaged<nint, void>, void>)setJackInfo)(&OnJackMessage);
        }
    }

    private static bool TryExport(string library, string name, out nint address)
    {
        address = 0;
        return NativeLibrary.TryLoad(library, out var handle) && NativeLibrary.TryGetExport(handle, name, out address);
    }

    [UnmanagedCallersOnly]
    private static void OnAlsaMessage(nint file, int line, nint function, int error, nint format) =>
        Interlocked.Increment(ref _dropped);

    [UnmanagedCallersOnly]
    private static void OnJackMessage(nint message) => Interlocked.Increment(ref _dropped);
}
