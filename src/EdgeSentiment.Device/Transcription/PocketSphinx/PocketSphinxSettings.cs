using System.Globalization;

namespace EdgeSentiment.Device.Transcription.PocketSphinx;

/// <summary>
/// Where the recogniser's models are and which language model decodes: by default our movie-review
/// model alone (the lowest word error rate within the real-time budget, docs/asr-card.md); Debian's
/// general US English model alone, or both interpolated at run time, on request.
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

    /// <summary>Where the shipped movie-review model lands next to the program (scripts/build-review-lm).</summary>
    public static string ShippedReviewLanguageModel => Path.Combine(AppContext.BaseDirectory, "models", "review-lm.arpa");

    /// <summary>A second language model (ARPA or binary) interpolated with the general one; none decodes with the general one alone.</summary>
    public string? ReviewLanguageModel { get; init; } = ShippedReviewLanguageModel;

    /// <summary>The review model's share of the interpolation, in (0, 1]; 1 (the default) decodes with it alone.</summary>
    public float ReviewWeight { get; init; } = 1f;

    /// <summary>PocketSphinx's <c>-beam</c> (HMM pruning, a probability such as 1e-48); none leaves the engine's default.</summary>
    public double? Beam { get; init; }

    /// <summary>PocketSphinx's <c>-wbeam</c> (word-exit pruning); none leaves the engine's default.</summary>
    public double? WordBeam { get; init; }

    /// <summary>PocketSphinx's <c>-pbeam</c> (phone-transition pruning); none leaves the engine's default.</summary>
    public double? PhoneBeam { get; init; }

    /// <summary>PocketSphinx's <c>-maxhmmpf</c>, the most HMMs searched per frame; none leaves the engine's default.</summary>
    public int? MaxHmmPerFrame { get; init; }

    /// <summary>The search arguments set here, as PocketSphinx's command line spells them.</summary>
    public IEnumerable<string> SearchArguments()
    {
        foreach (var (name, value) in new[]
        {
            ("-beam", Beam?.ToString("R", CultureInfo.InvariantCulture)),
            ("-wbeam", WordBeam?.ToString("R", CultureInfo.InvariantCulture)),
            ("-pbeam", PhoneBeam?.ToString("R", CultureInfo.InvariantCulture)),
            ("-maxhmmpf", MaxHmmPerFrame?.ToString(CultureInfo.InvariantCulture)),
        })
        {
            if (value is not null)
            {
                yield return name;
                yield return value;
            }
        }
    }

    /// <summary>The recogniser's front end is fixed at 16 kHz by the acoustic model.</summary>
    public const int SampleRate = 16_000;
}
