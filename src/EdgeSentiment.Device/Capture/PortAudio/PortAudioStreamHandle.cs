using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>An open PortAudio stream; closing it aborts and closes the stream exactly once.</summary>
internal sealed class PortAudioStreamHandle : SafeHandle
{
    public PortAudioStreamHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        // Abort rather than stop: stopping waits for buffers we no longer want.
        _ = PortAudioNative.AbortStream(handle);
        return PortAudioNative.CloseStream(handle) == PortAudioNative.NoError;
    }
}
