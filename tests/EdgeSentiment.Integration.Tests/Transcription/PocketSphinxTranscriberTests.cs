using EdgeSentiment.Agent.Transcription;
using EdgeSentiment.Agent.Transcription.PocketSphinx;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Tests;
using Xunit.Abstractions;

namespace EdgeSentiment.Integration.Tests.Transcription;

public sealed class PocketSphinxTranscriberTests(ITestOutputHelper output)
{
    private const string Sentence = "the movie was wonderful and the acting was great";

    [Fact]
    public void ASpokenSentence_IsTranscribedWithSomeOfItsWords()
    {
        using var temp = new TempFolder();
        var wav = temp.PathOf("sentence.wav");
        EspeakNg.Speak(Sentence, wav);
        var audio = AudioLoader.LoadMono(wav, PocketSphinxSettings.SampleRate);

        using var transcriber = PocketSphinxTranscriber.Open();
        var transcript = transcriber.Transcribe(audio.Samples);

        output.WriteLine($"transcript: \"{transcript.Text}\" ({transcript.Confidence:0.000})");
        Assert.Equal(transcript.Text.ToLowerInvariant(), transcript.Text);
        Assert.InRange(transcript.Confidence, 0f, 1f);
        Assert.True(transcript.WordCount >= 3, $"too few words: \"{transcript.Text}\"");
        var heard = transcript.Text.Split(' ');
        Assert.Contains(heard, word => word is "movie" or "wonderful" or "acting" or "great");
    }

    [Fact]
    public void Silence_GivesAnEmptyTranscriptAndTheDecoderStaysUsable()
    {
        using var temp = new TempFolder();
        var wav = temp.PathOf("sentence.wav");
        EspeakNg.Speak(Sentence, wav);
        var audio = AudioLoader.LoadMono(wav, PocketSphinxSettings.SampleRate);
        using var transcriber = PocketSphinxTranscriber.Open();

        var silence = transcriber.Transcribe(new float[PocketSphinxSettings.SampleRate]);
        var speech = transcriber.Transcribe(audio.Samples);

        Assert.Equal(0, silence.WordCount);
        Assert.True(speech.WordCount >= 3, $"too few words after a silent utterance: \"{speech.Text}\"");
    }

    [Fact]
    public void MissingAcousticModel_IsNamedWithWhatToInstall()
    {
        using var temp = new TempFolder();
        var settings = PocketSphinxSettings.Default with { AcousticModel = temp.PathOf("no-such-model") };

        var error = Assert.Throws<TranscriptionException>(() => PocketSphinxTranscriber.Open(settings));

        Assert.Contains("no-such-model", error.Message, StringComparison.Ordinal);
        Assert.Contains("pocketsphinx-en-us", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingReviewLanguageModel_SaysHowToBuildIt()
    {
        var settings = PocketSphinxSettings.Default with { ReviewLanguageModel = "/nonexistent/review.lm" };

        var error = Assert.Throws<TranscriptionException>(() => PocketSphinxTranscriber.Open(settings));

        Assert.Contains("/nonexistent/review.lm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingLibrary_SaysWhichPackagesToInstall()
    {
        var error = Assert.Throws<TranscriptionException>(
            () => PocketSphinxLibrary.Require("libpocketsphinx-absent.so.3", successor: "libpocketsphinx-absent.so.5"));

        Assert.Contains("libpocketsphinx-absent.so.3", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install libpocketsphinx3 pocketsphinx-en-us", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyPocketSphinx5Installed_IsRefusedByName()
    {
        // Any library that loads stands in for the successor's soname here.
        var error = Assert.Throws<TranscriptionException>(
            () => PocketSphinxLibrary.Require("libpocketsphinx-absent.so.3", successor: "libc.so.6"));

        Assert.Contains("PocketSphinx 5", error.Message, StringComparison.Ordinal);
    }
}
