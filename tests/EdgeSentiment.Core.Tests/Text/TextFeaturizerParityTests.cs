using System.Globalization;
using System.Text.Json;
using EdgeSentiment.Core.Text;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Text;

/// <summary>
/// The device's tokenizer and featurizer give the same tokens, ids and values as the training
/// script (<c>scripts/text-features</c>), on text that trips tokenizers up: a mismatch would score
/// every text with features the model never learned.
/// </summary>
public sealed class TextFeaturizerParityTests
{
    private static readonly string[] Tricky =
    [
        "",
        "   \t\n ",
        "The plot made no sense, and the acting was wooden.",
        "Don't you LOVE it?! I can't... won't; shouldn't've",
        "it 's a ca n't - miss , `` Conan '' -- really !",
        "It’s ‘quoted’ and ʼmodifierʼ and ´acute´ and `back` ticks",
        "rock 'n' roll, 'tis the '90s' O'Brien's 'n't n't '",
        "Café naïve résumé Ångström ﬁne ½ straße İstanbul ǅ",
        "1999 2,000 3.5 10/10 #1 $20 100%",
        "emoji 😀 in the middle👍🏽 and 𝐛𝐨𝐥𝐝 letters",
        "中文 русский ελληνικά العربية",
        "co-writer/director Jean-Claud Van Damme's e-mail",
        "a\u0301 e\u0308 combining marks and \u1fef varia",
        "ALL CAPS SHOUTING!!! ",
        "uh the the movie was um okay i guess",
        "supercalifragilisticexpialidocious",
    ];

    [Theory]
    [InlineData(262144, 2, 2, 5, 4096)]
    [InlineData(64, 1, 3, 4, 4096)]
    [InlineData(1024, 2, 1, 6, 25)]
    public void TokensIdsAndValues_MatchTheTrainingScript(int buckets, int wordNgrams, int charMin, int charMax, int capacity)
    {
        var settings = new TextFeatureSettings(buckets, wordNgrams, charMin, charMax, capacity);
        var script = PythonScript.Run(
            ["scripts/text-features", "--buckets", Invariant(buckets), "--word-ngrams", Invariant(wordNgrams), "--char-ngrams", $"{charMin}-{charMax}", "--capacity", Invariant(capacity)],
            input: JsonSerializer.Serialize(Tricky));
        Assert.True(script.ExitCode == 0, $"scripts/text-features exited with {script.ExitCode}: {script.Error}");
        using var expected = JsonDocument.Parse(script.Out);
        var featurizer = new TextFeaturizer(settings);
        var ids = new long[capacity];
        var values = new float[capacity];

        for (var t = 0; t < Tricky.Length; t++)
        {
            var want = expected.RootElement[t];
            var count = featurizer.Featurize(Tricky[t], ids, values);

            var tokens = new List<string>();
            for (var i = 0; i < featurizer.Tokenizer.Count; i++)
            {
                tokens.Add(featurizer.Tokenizer[i].ToString());
            }

            Assert.Equal(want.GetProperty("tokens").EnumerateArray().Select(e => e.GetString()!), tokens);
            Assert.Equal(want.GetProperty("ids").EnumerateArray().Select(e => e.GetInt64()), ids[..count]);
            Assert.Equal(want.GetProperty("values").EnumerateArray().Select(e => (float)e.GetDouble()), values[..count]);
        }
    }

    [Fact]
    public void EveryTrickyText_HasTokensOnlyOfAsciiLettersDigitsAndApostrophes()
    {
        var tokenizer = new TextTokenizer();
        foreach (var text in Tricky)
        {
            tokenizer.Tokenize(text);
            for (var i = 0; i < tokenizer.Count; i++)
            {
                Assert.All(tokenizer[i].ToArray(), c => Assert.True(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '\'', $"'{c}' in a token of \"{text}\""));
            }
        }
    }

    [Fact]
    public void ARecognisersContractions_AreTheTokensOfSstsSpelling()
    {
        var tokenizer = new TextTokenizer();

        Assert.Equal(Tokens(tokenizer, "it 's a movie that do n't work and ca n't"), Tokens(tokenizer, "It's a movie that don't work and can't"));
    }

    private static List<string> Tokens(TextTokenizer tokenizer, string text)
    {
        var tokens = new List<string>();
        tokenizer.Tokenize(text);
        for (var i = 0; i < tokenizer.Count; i++)
        {
            tokens.Add(tokenizer[i].ToString());
        }

        return tokens;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
