using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>
/// PortAudio's <c>PaStreamParameters</c>. <c>PaSampleFormat</c> is a C <c>unsigned long</c>,
/// hence <see cref="nuint"/> (64 bits on Linux arm64/x64).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PaStreamParameters
{
    public int Device;
    public int ChannelCount;
    public nuint SampleFormat;
    public double SuggestedLatency;
    public nint HostApiSpecificStreamInfo;
}
