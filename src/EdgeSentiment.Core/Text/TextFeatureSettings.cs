namespace EdgeSentiment.Core.Text;

/// <summary>
/// How text becomes hashed features: the bucket count (a power of two), word n-grams up to
/// <see cref="WordNgrams"/> (1 or 2), character n-grams from <see cref="CharMin"/> to
/// <see cref="CharMax"/> of each "&lt;token&gt;", and at most <see cref="Capacity"/> features a text.
/// A text model carries its own in its metadata (<c>edgesentiment.text.*</c>).
/// </summary>
public sealed record TextFeatureSettings(int Buckets, int WordNgrams, int CharMin, int CharMax, int Capacity)
{
    /// <summary>The token rules of <see cref="TextTokenizer"/>; a model trained with others is refused.</summary>
    public const string Normalization = "nfkd-ascii-lower-ptb-clitics-v1";

    public const string Hash = "fnv1a32";
}
