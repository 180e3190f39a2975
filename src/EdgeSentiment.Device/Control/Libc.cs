using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Control;

/// <summary>The one libc call the control socket needs that .NET does not expose.</summary>
internal static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEffectiveUserId();
}
