using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>PortAudio's <c>PaHostApiInfo</c>, laid out as in portaudio.h (v19).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PaHostApiInfo
{
    public int StructVersion;
    public int Type;
    public nint Name;
    public int DeviceCount;
    public int DefaultInputDevice;
    public int DefaultOutputDevice;
}
