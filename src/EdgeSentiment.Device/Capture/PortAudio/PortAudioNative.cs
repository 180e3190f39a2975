using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>
/// The few PortAudio v19 entry points the agent needs: initialise, enumerate, open a blocking
/// input stream and read from it. Blocking reads mean PortAudio never calls into managed code.
/// </summary>
internal static unsafe partial class PortAudioNative
{
    public const string Library = "libportaudio.so.2";

    public const int NoError = 0;
    public const int NoDevice = -1;
    public const int InputOverflowed = -9981;
    public const nuint Float32 = 0x00000001;
    public const nuint ClipOff = 0x00000001;

    [LibraryImport(Library, EntryPoint = "Pa_Initialize")]
    public static partial int Initialize();

    [LibraryImport(Library, EntryPoint = "Pa_Terminate")]
    public static partial int Terminate();

    [LibraryImport(Library, EntryPoint = "Pa_GetErrorText")]
    public static partial nint GetErrorText(int errorCode);

    [LibraryImport(Library, EntryPoint = "Pa_GetVersionText")]
    public static partial nint GetVersionText();

    [LibraryImport(Library, EntryPoint = "Pa_GetDeviceCount")]
    public static partial int GetDeviceCount();

    [LibraryImport(Library, EntryPoint = "Pa_GetDefaultInputDevice")]
    public static partial int GetDefaultInputDevice();

    [LibraryImport(Library, EntryPoint = "Pa_GetDeviceInfo")]
    public static partial PaDeviceInfo* GetDeviceInfo(int device);

    [LibraryImport(Library, EntryPoint = "Pa_GetHostApiInfo")]
    public static partial PaHostApiInfo* GetHostApiInfo(int hostApi);

    [LibraryImport(Library, EntryPoint = "Pa_IsFormatSupported")]
    public static partial int IsFormatSupported(PaStreamParameters* input, PaStreamParameters* output, double sampleRate);

    [LibraryImport(Library, EntryPoint = "Pa_OpenStream")]
    public static partial int OpenStream(
        out nint stream,
        PaStreamParameters* input,
        PaStreamParameters* output,
        double sampleRate,
        nuint framesPerBuffer,
        nuint flags,
        nint callback,
        nint userData);

    [LibraryImport(Library, EntryPoint = "Pa_StartStream")]
    public static partial int StartStream(nint stream);

    [LibraryImport(Library, EntryPoint = "Pa_AbortStream")]
    public static partial int AbortStream(nint stream);

    [LibraryImport(Library, EntryPoint = "Pa_CloseStream")]
    public static partial int CloseStream(nint stream);

    [LibraryImport(Library, EntryPoint = "Pa_ReadStream")]
    public static partial int ReadStream(nint stream, void* buffer, nuint frames);

    /// <summary>The message PortAudio gives for <paramref name="errorCode"/>.</summary>
    public static string ErrorText(int errorCode) =>
        Marshal.PtrToStringUTF8(GetErrorText(errorCode)) ?? $"PortAudio error {errorCode}";
}
