using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Booth.Opus;

/// <summary>
/// The few libopusenc entry points the booth needs (Debian package libopusenc0): an encoder in
/// pull mode, which hands back finished Ogg pages instead of calling into managed code.
/// </summary>
internal static unsafe partial class OpusEncNative
{
    public const string Library = "libopusenc.so.0";

    public const int Ok = 0;

    /// <summary>Mono or stereo without a channel mapping table (RFC 7845 family 0).</summary>
    public const int MappingFamilyMonoStereo = 0;

    [LibraryImport(Library, EntryPoint = "ope_comments_create")]
    public static partial OpusCommentsHandle CommentsCreate();

    [LibraryImport(Library, EntryPoint = "ope_comments_add", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int CommentsAdd(OpusCommentsHandle comments, string tag, string value);

    [LibraryImport(Library, EntryPoint = "ope_comments_destroy")]
    public static partial void CommentsDestroy(nint comments);

    [LibraryImport(Library, EntryPoint = "ope_encoder_create_pull")]
    public static partial OpusEncoderHandle EncoderCreatePull(OpusCommentsHandle comments, int rate, int channels, int family, out int error);

    [LibraryImport(Library, EntryPoint = "ope_encoder_write_float")]
    public static partial int EncoderWriteFloat(OpusEncoderHandle encoder, float* pcm, int samplesPerChannel);

    [LibraryImport(Library, EntryPoint = "ope_encoder_get_page")]
    public static partial int EncoderGetPage(OpusEncoderHandle encoder, out byte* page, out int length, int flush);

    [LibraryImport(Library, EntryPoint = "ope_encoder_drain")]
    public static partial int EncoderDrain(OpusEncoderHandle encoder);

    [LibraryImport(Library, EntryPoint = "ope_encoder_destroy")]
    public static partial void EncoderDestroy(nint encoder);

    [LibraryImport(Library, EntryPoint = "ope_strerror")]
    public static partial nint StrError(int error);

    /// <summary>The message libopusenc gives for <paramref name="error"/>.</summary>
    public static string ErrorText(int error) =>
        Marshal.PtrToStringUTF8(StrError(error)) ?? $"libopusenc error {error}";
}
