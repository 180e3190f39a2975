using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Transcription.PocketSphinx;

/// <summary>Our reference to an n-gram language model (the decoder keeps its own once given one).</summary>
internal sealed class NgramModelHandle : SafeHandle
{
    public NgramModelHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle() => PocketSphinxNative.FreeNgramModel(handle) >= 0;
}
