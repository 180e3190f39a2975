using EdgeSentiment.Device.Transcription.PocketSphinx;

namespace EdgeSentiment.Device.Tests.Transcription;

public sealed class PocketSphinxSettingsTests
{
    [Fact]
    public void SearchArguments_NothingSet_LeavesTheEngineDefaults()
    {
        Assert.Empty(PocketSphinxSettings.Default.SearchArguments());
    }

    [Fact]
    public void SearchArguments_BeamsSet_SpelledAsPocketSphinxTakesThem()
    {
        var settings = PocketSphinxSettings.Default with { Beam = 1e-40, WordBeam = 1e-24, PhoneBeam = 1e-40, MaxHmmPerFrame = 3000 };

        Assert.Equal(["-beam", "1E-40", "-wbeam", "1E-24", "-pbeam", "1E-40", "-maxhmmpf", "3000"], settings.SearchArguments());
    }

    [Fact]
    public void Default_DecodesWithTheReviewModelShippedNextToTheProgram()
    {
        var settings = PocketSphinxSettings.Default;

        Assert.Equal(1f, settings.ReviewWeight);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "models", "review-lm.arpa"), settings.ReviewLanguageModel);
        Assert.True(File.Exists(settings.ReviewLanguageModel), "the build copies models/review-lm.arpa next to the program");
    }
}
