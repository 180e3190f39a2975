using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Capture.EchoCancellation;

/// <summary>A SpeexDSP echo canceller state, destroyed exactly once.</summary>
internal sealed class SpeexEchoStateHandle : SafeHandle
{
    public SpeexEchoStateHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        SpeexDspNative.EchoStateDestroy(handle);
        return true;
    }
}
