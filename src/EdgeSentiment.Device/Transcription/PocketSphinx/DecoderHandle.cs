using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Transcription.PocketSphinx;

/// <summary>A PocketSphinx decoder; releasing it frees the decoder (and its reference to the config) once.</summary>
internal sealed class DecoderHandle : SafeHandle
{
    public DecoderHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle() => PocketSphinxNative.Free(handle) >= 0;
}
