using EdgeSentiment.Core.Audio;

namespace EdgeSentiment.Core.Tests.Audio;

/// <summary>The recordings shipped in samples/ load as the pipeline expects.</summary>
public sealed class SampleRecordingsTests
{
    [Theory]
    [InlineData("negative-angry.wav")]
    [InlineData("neutral.wav")]
    [InlineData("positive-happy.wav")]
    public void LoadMono_SingleClip_Is16kHzSpeechOfAboutTwoSeconds(string name)
    {
        var audio = AudioLoader.LoadMono(SamplePath(name));

        Assert.Equal(16000, audio.SampleRate);
        Assert.InRange(audio.DurationSeconds, 2.0, 5.0);
        Assert.True(Signals.Rms(audio.Samples) > 0.003, "the clip should hold audible speech");
    }

    [Fact]
    public void LoadMono_Screening_AlternatesSpeechWithQuietNoiseNotDigitalSilence()
    {
        var audio = AudioLoader.LoadMono(SamplePath("screening.wav"));

        Assert.InRange(audio.DurationSeconds, 28, 35);
        ReadOnlySpan<float> lead = audio.Samples.AsSpan(0, 14000);
        ReadOnlySpan<float> firstClip = audio.Samples.AsSpan(16000, 38000);
        Assert.InRange(Signals.Db(Signals.Rms(lead)), -80, -60);
        Assert.True(Signals.Db(Signals.Rms(firstClip)) > -40);
    }

    private static string SamplePath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgeSentiment.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "samples", name);
    }
}
