using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Transcription.PocketSphinx;

/// <summary>A SphinxBase command-line object (cmd_ln_t), reference counted by the library.</summary>
internal sealed class ConfigHandle : SafeHandle
{
    public ConfigHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle() => PocketSphinxNative.FreeConfig(handle) >= 0;
}
