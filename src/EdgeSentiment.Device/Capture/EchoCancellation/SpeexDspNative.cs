using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Capture.EchoCancellation;

/// <summary>
/// The SpeexDSP entry points the echo canceller needs (speex/speex_echo.h and
/// speex/speex_preprocess.h of libspeexdsp 1.2). Samples cross as 16-bit integers: that is the
/// library's interface in every build, fixed or floating point.
/// </summary>
internal static unsafe partial class SpeexDspNative
{
    public const string Library = "libspeexdsp.so.1";

    public const int EchoGetFrameSize = 3;
    public const int EchoSetSamplingRate = 24;
    public const int PreprocessSetDenoise = 0;
    public const int PreprocessSetEchoSuppress = 20;
    public const int PreprocessSetEchoSuppressActive = 22;
    public const int PreprocessSetEchoState = 24;

    [LibraryImport(Library, EntryPoint = "speex_echo_state_init")]
    public static partial SpeexEchoStateHandle EchoStateInit(int frameSize, int filterLength);

    [LibraryImport(Library, EntryPoint = "speex_echo_state_destroy")]
    public static partial void EchoStateDestroy(nint state);

    [LibraryImport(Library, EntryPoint = "speex_echo_state_reset")]
    public static partial void EchoStateReset(SpeexEchoStateHandle state);

    [LibraryImport(Library, EntryPoint = "speex_echo_cancellation")]
    public static partial void EchoCancellation(SpeexEchoStateHandle state, short* recorded, short* played, short* output);

    [LibraryImport(Library, EntryPoint = "speex_echo_ctl")]
    public static partial int EchoControl(SpeexEchoStateHandle state, int request, void* value);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_state_init")]
    public static partial SpeexPreprocessStateHandle PreprocessStateInit(int frameSize, int samplingRate);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_state_destroy")]
    public static partial void PreprocessStateDestroy(nint state);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_run")]
    public static partial int PreprocessRun(SpeexPreprocessStateHandle state, short* samples);

    [LibraryImport(Library, EntryPoint = "speex_preprocess_ctl")]
    public static partial int PreprocessControl(SpeexPreprocessStateHandle state, int request, void* value);
}
