using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Booth.Opus;

/// <summary>An OggOpusComments block (the file's Vorbis comments); the encoder keeps its own copy.</summary>
internal sealed class OpusCommentsHandle : SafeHandle
{
    public OpusCommentsHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        OpusEncNative.CommentsDestroy(handle);
        return true;
    }
}
