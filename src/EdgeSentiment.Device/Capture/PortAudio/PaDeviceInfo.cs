using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>PortAudio's <c>PaDeviceInfo</c>, laid out as in portaudio.h (v19).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PaDeviceInfo
{
    public int StructVersion;
    public nint Name;
    public int HostApi;
    public int MaxInputChannels;
    public int MaxOutputChannels;
    public double DefaultLowInputLatency;
    public double DefaultLowOutputLatency;
    public double DefaultHighInputLatency;
    public double DefaultHighOutputLatency;
    public double DefaultSampleRate;
}
