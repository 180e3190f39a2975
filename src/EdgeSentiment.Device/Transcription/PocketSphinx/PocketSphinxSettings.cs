namespace EdgeSentiment.Device.Transcription.PocketSphinx;

/// <summary>
/// Where the recogniser's models are and which language model decodes: Debian's general US
/// English model, optionally interpolated at run time with a movie-review model of ours.
/// </summary>
public sealed record PocketSphinxSettings
{
    /// <summary>Where Debian's pocketsphinx-en-us installs its models.</summary>
    public const string DebianModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    public static PocketSphinxSettings Default { get; } = new();

    /// <summary>The acoustic model directory (mdef, means, variances, ...).</summary>
    public string AcousticModel { get; init; } = Path.Combine(DebianModelDirectory, "en-us");

    /// <summary>The pronunciation dictionary; words outside it cannot be recognised.</summary>
    public string Dictionary { get; init; } = Path.Combine(DebianModelDirectory, "cmudict-en-us.dict");

    /// <summary>The general language model.</summary>
    public string LanguageModel { get; init; } = Path.Combine(DebianModelDirectory, "en-us.lm.bin");

    /// <summary>A second language model (ARPA or binary) interpolated with the general one; none by default.</summary>
    public string? ReviewLanguageModel { get; init; }

    /// <summary>The review model's share of the interpolation, in (0, 1]; 1 decodes with it alone.</summary>
    public float ReviewWeight { get; init; } = 0.5f;

    /// <summary>The recogniser's front end is fixed at 16 kHz by the acoustic model.</summary>
    public const int SampleRate = 16_000;
}
