using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Capture.EchoCancellation;

/// <summary>A SpeexDSP preprocessor state (residual echo suppression), destroyed exactly once.</summary>
internal sealed class SpeexPreprocessStateHandle : SafeHandle
{
    public SpeexPreprocessStateHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        SpeexDspNative.PreprocessStateDestroy(handle);
        return true;
    }
}
