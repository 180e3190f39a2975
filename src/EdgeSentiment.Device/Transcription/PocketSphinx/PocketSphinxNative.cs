using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Transcription.PocketSphinx;

/// <summary>
/// The few entry points of PocketSphinx 0.8 / SphinxBase 5prealpha (Debian 12 and 13:
/// libpocketsphinx.so.3, libsphinxbase.so.3) that one-utterance decoding needs. PocketSphinx 5
/// has another API under another soname; <see cref="PocketSphinxLibrary"/> refuses it by name.
/// </summary>
internal static unsafe partial class PocketSphinxNative
{
    public const string Library = "libpocketsphinx.so.3";
    public const string BaseLibrary = "libsphinxbase.so.3";

    /// <summary>ngram_file_type_t NGRAM_AUTO: the reader tells ARPA from binary by itself.</summary>
    public const int NgramAuto = 0;

    [LibraryImport(Library, EntryPoint = "ps_args")]
    public static partial nint Arguments();

    [LibraryImport(Library, EntryPoint = "ps_init")]
    public static partial DecoderHandle Init(ConfigHandle config);

    [LibraryImport(Library, EntryPoint = "ps_free")]
    public static partial int Free(nint decoder);

    [LibraryImport(Library, EntryPoint = "ps_get_logmath")]
    public static partial nint GetLogMath(DecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "ps_start_utt")]
    public static partial int StartUtterance(DecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "ps_process_raw")]
    public static partial int ProcessRaw(DecoderHandle decoder, short* samples, nuint count, int noSearch, int fullUtterance);

    [LibraryImport(Library, EntryPoint = "ps_end_utt")]
    public static partial int EndUtterance(DecoderHandle decoder);

    /// <summary>The best hypothesis; the string belongs to the decoder and lives until its next call.</summary>
    [LibraryImport(Library, EntryPoint = "ps_get_hyp")]
    public static partial nint GetHypothesis(DecoderHandle decoder, out int bestScore);

    /// <summary>Log posterior of the hypothesis (needs -bestpath yes, the default).</summary>
    [LibraryImport(Library, EntryPoint = "ps_get_prob")]
    public static partial int GetProbability(DecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "ps_set_lm")]
    public static partial int SetLanguageModel(DecoderHandle decoder, byte* name, NgramModelHandle model);

    [LibraryImport(Library, EntryPoint = "ps_set_search")]
    public static partial int SetSearch(DecoderHandle decoder, byte* name);

    /// <summary>Parses argv[1..argc) against <paramref name="definitions"/>; argv[0] is skipped like a program name.</summary>
    [LibraryImport(BaseLibrary, EntryPoint = "cmd_ln_parse_r")]
    public static partial ConfigHandle ParseArguments(nint previous, nint definitions, int argc, byte** argv, int strict);

    [LibraryImport(BaseLibrary, EntryPoint = "cmd_ln_free_r")]
    public static partial int FreeConfig(nint config);

    [LibraryImport(BaseLibrary, EntryPoint = "logmath_exp")]
    public static partial double LogMathExp(nint logMath, int logValue);

    /// <summary>Reads an ARPA or binary LM that borrows <paramref name="logMath"/> (in this version it takes no reference, as ps_set_lm_file shows).</summary>
    [LibraryImport(BaseLibrary, EntryPoint = "ngram_model_read")]
    public static partial NgramModelHandle ReadNgramModel(ConfigHandle config, byte* path, int fileType, nint logMath);

    /// <summary>Interpolates <paramref name="models"/>; the set takes its own reference to each.</summary>
    [LibraryImport(BaseLibrary, EntryPoint = "ngram_model_set_init")]
    public static partial NgramModelHandle InitNgramSet(ConfigHandle config, nint* models, byte** names, float* weights, int count);

    [LibraryImport(BaseLibrary, EntryPoint = "ngram_model_free")]
    public static partial int FreeNgramModel(nint model);
}
