using EdgeSentiment.Core.Text;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Text;

public sealed class TextFeaturizerTests
{
    private static readonly TextFeatureSettings Settings = new(1 << 18, 2, 2, 5, 4096);
    private readonly TextFeaturizer _featurizer = new(Settings);
    private readonly long[] _ids = new long[Settings.Capacity];
    private readonly float[] _values = new float[Settings.Capacity];

    [Fact]
    public void Featurize_EachFamilyHasUnitLength()
    {
        // "great film": 2 words + 1 bigram = 3 word features; "<great>" and "<film>" give 6+5, 5+4, 4+3, 3+2 = 32 n-grams.
        var count = _featurizer.Featurize("Great film!", _ids, _values);

        Assert.Equal(35, count);
        var words = _values.AsSpan(0, count).ToArray().Count(v => v == (float)(1 / Math.Sqrt(3)));
        var chars = _values.AsSpan(0, count).ToArray().Count(v => v == (float)(1 / Math.Sqrt(32)));
        Assert.Equal((3, 32), (words, chars));
    }

    [Fact]
    public void Featurize_EmptyOrPunctuationOnly_HasNoFeatures()
    {
        Assert.Equal(0, _featurizer.Featurize("", _ids, _values));
        Assert.Equal(0, _featurizer.Featurize(" ... !? -- ", _ids, _values));
    }

    [Fact]
    public void Featurize_ALongTranscript_StopsAtTheCapacity()
    {
        var text = string.Concat(Enumerable.Repeat("the film was long and dull ", 400));

        Assert.Equal(Settings.Capacity, _featurizer.Featurize(text, _ids, _values));
        Assert.All(_ids, id => Assert.InRange(id, 0, Settings.Buckets - 1));
    }

    [Fact]
    public void Featurize_AsciiText_AllocatesNothing()
    {
        const string Text = "The plot made no sense, and the acting wasn't any better.";

        Assert.Equal(0, Allocations.FewestBytes(() => _featurizer.Featurize(Text, _ids, _values)));
    }

    [Fact]
    public void Featurize_BuffersShorterThanTheCapacity_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => _featurizer.Featurize("fine", new long[10], new float[10]));
    }
}
