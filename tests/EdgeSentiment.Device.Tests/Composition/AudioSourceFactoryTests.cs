using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Composition;

namespace EdgeSentiment.Device.Tests.Composition;

public sealed class AudioSourceFactoryTests
{
    [Fact]
    public void SpeechDetector_MicrophoneWithAReference_IsTheAuditoriums()
    {
        var options = new CaptureOptions { Source = "Microphone", MicrophoneChannel = 1, ReferenceChannel = 2 };

        Assert.Same(SpeechDetectorSettings.Auditorium, AudioSourceFactory.SpeechDetector(options));
    }

    [Theory]
    [InlineData("Microphone", 0)]
    [InlineData("File", 0)]
    [InlineData("File", 2)]
    public void SpeechDetector_NoReferenceOrARecording_IsTheDefault(string source, int reference)
    {
        // A recording is played mixed to mono: nothing is cancelled, so its levels are a voice's.
        var options = new CaptureOptions { Source = source, MicrophoneChannel = 1, ReferenceChannel = reference };

        Assert.Same(SpeechDetectorSettings.Default, AudioSourceFactory.SpeechDetector(options));
    }

    [Fact]
    public void Auditorium_LowersOnlyTheLevelFloors()
    {
        var auditorium = SpeechDetectorSettings.Auditorium;

        Assert.True(auditorium.MinLevelDbfs < SpeechDetectorSettings.Default.MinLevelDbfs);
        Assert.Equal(SpeechDetectorSettings.Default, auditorium with { MinLevelDbfs = SpeechDetectorSettings.Default.MinLevelDbfs, MinActiveFrameDbfs = SpeechDetectorSettings.Default.MinActiveFrameDbfs });
    }
}
