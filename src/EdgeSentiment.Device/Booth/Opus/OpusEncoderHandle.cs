using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Booth.Opus;

/// <summary>An OggOpusEnc encoder; releasing it frees the encoder and any pages not yet taken.</summary>
internal sealed class OpusEncoderHandle : SafeHandle
{
    public OpusEncoderHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        OpusEncNative.EncoderDestroy(handle);
        return true;
    }
}
