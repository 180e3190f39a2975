using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Transcription.PocketSphinx;

/// <summary>
/// Checks, before the first call, that the PocketSphinx this binding was written for is installed:
/// the 0.8 API under the sonames Debian 12 and 13 ship. PocketSphinx 5 renamed and reshaped the
/// calls (no cmd_ln_parse_r, ps_config_t instead), so finding only it is a clear refusal, not a crash.
/// </summary>
internal static class PocketSphinxLibrary
{
    public const string Successor = "libpocketsphinx.so.5";

    private const string Install = "install the Debian packages libpocketsphinx3 and pocketsphinx-en-us (apt-get install libpocketsphinx3 pocketsphinx-en-us)";

    /// <summary>Throws <see cref="TranscriptionException"/> unless both libraries load and export what the binding calls.</summary>
    public static void Require(
        string library = PocketSphinxNative.Library,
        string baseLibrary = PocketSphinxNative.BaseLibrary,
        string successor = Successor)
    {
        if (!NativeLibrary.TryLoad(library, out var pocketsphinx))
        {
            if (NativeLibrary.TryLoad(successor, out var newer))
            {
                NativeLibrary.Free(newer);
                throw new TranscriptionException(
                    $"speech recognition needs PocketSphinx 0.8 ({library}); only PocketSphinx 5 ({successor}) is installed, whose API this build does not speak: {Install}.");
            }

            throw new TranscriptionException($"speech recognition is not installed ({library} not found): {Install}.");
        }

        if (!NativeLibrary.TryLoad(baseLibrary, out var sphinxbase))
        {
            throw new TranscriptionException($"speech recognition is incomplete ({baseLibrary} not found): {Install}.");
        }

        if (!NativeLibrary.TryGetExport(pocketsphinx, "ps_args", out _)
            || !NativeLibrary.TryGetExport(pocketsphinx, "ps_set_search", out _)
            || !NativeLibrary.TryGetExport(sphinxbase, "cmd_ln_parse_r", out _)
            || !NativeLibrary.TryGetExport(sphinxbase, "ngram_model_set_init", out _))
        {
            throw new TranscriptionException(
                $"{library} is not the PocketSphinx 0.8 this build was written for (an expected function is missing): {Install}.");
        }
    }
}
