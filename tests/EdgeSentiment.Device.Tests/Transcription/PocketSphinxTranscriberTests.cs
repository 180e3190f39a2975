using EdgeSentiment.Core.Audio;
using EdgeSentiment.Device.Transcription;
using EdgeSentiment.Device.Transcription.PocketSphinx;
using EdgeSentiment.Testing;
using Xunit.Abstractions;

namespace EdgeSentiment.Device.Tests.Transcription;

public sealed class PocketSphinxTranscriberTests(ITestOutputHelper output)
{
    private const string Sentence = "the movie was wonderful and the acting was great";

    [Fact]
    public void Transcribe_SpokenSentence_GivesSomeOfItsWords()
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
    public void Transcribe_Silence_GivesAnEmptyTranscriptAndStaysUsable()
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
    public void Open_MissingAcousticModel_NamesItWithWhatToInstall()
    {
        using var temp = new TempFolder();
        var settings = PocketSphinxSettings.Default with { AcousticModel = temp.PathOf("no-such-model") };

        var error = Assert.Throws<TranscriptionException>(() => PocketSphinxTranscriber.Open(settings));

        Assert.Contains("no-such-model", error.Message, StringComparison.Ordinal);
        Assert.Contains("pocketsphinx-en-us", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingReviewLanguageModel_NamesThePath()
    {
        var settings = PocketSphinxSettings.Default with { ReviewLanguageModel = "/nonexistent/review.lm" };

        var error = Assert.Throws<TranscriptionException>(() => PocketSphinxTranscriber.Open(settings));

        Assert.Contains("/nonexistent/review.lm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_MissingLibrary_SaysWhichPackagesToInstall()
    {
        var error = Assert.Throws<TranscriptionException>(
            () => PocketSphinxLibrary.Require("libpocketsphinx-absent.so.3", successor: "libpocketsphinx-absent.so.5"));

        Assert.Contains("libpocketsphinx-absent.so.3", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install libpocketsphinx3 pocketsphinx-en-us", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_OnlyPocketSphinx5Installed_IsRefusedByName()
    {
        // Any library that loads stands in for the successor's soname here.
        var error = Assert.Throws<TranscriptionException>(
            () => PocketSphinxLibrary.Require("libpocketsphinx-absent.so.3", successor: "libc.so.6"));

        Assert.Contains("PocketSphinx 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transcribe_ShippedReviewModelMixedWithTheGeneralOne_GivesSomeOfTheWords()
    {
        using var temp = new TempFolder();
        var wav = temp.PathOf("sentence.wav");
        EspeakNg.Speak(Sentence, wav);
        var audio = AudioLoader.LoadMono(wav, PocketSphinxSettings.SampleRate);
        var settings = PocketSphinxSettings.Default with
        {
            ReviewLanguageModel = Path.Combine(RepositoryPaths.Models, "review-lm.arpa"),
            ReviewWeight = 0.5f,
        };

        using var transcriber = PocketSphinxTranscriber.Open(settings);
        var transcript = transcriber.Transcribe(audio.Samples);

        output.WriteLine($"transcript: \"{transcript.Text}\" ({transcript.Confidence:0.000})");
        Assert.Contains("review-lm.arpa (0.5)", transcriber.Description, StringComparison.Ordinal);
        Assert.Contains(transcript.Text.Split(' '), word => word is "movie" or "wonderful" or "acting" or "great");
    }

    [Fact]
    public void Transcribe_ReviewModelBuiltByTheScript_DecodesItsOwnSentences()
    {
        // A tiny stand-in for SST's training file, so the builder runs without the dataset.
        using var temp = new TempFolder();
        var sentences = new[] { "The movie was wonderful .", "The acting was great .", "The movie was great and the acting was wonderful ." };
        File.WriteAllLines(temp.PathOf("sst_train.txt"), sentences.SelectMany(s => new[] { $"__label__4\t{s}", $"__label__4\t{s}" }));
        var lm = temp.PathOf("review-lm.arpa");
        RunPython("-m", "scripts.asr.build_lm", "--sst", temp.Path, "--out", lm);
        var wav = temp.PathOf("sentence.wav");
        EspeakNg.Speak("the movie was great", wav);
        var audio = AudioLoader.LoadMono(wav, PocketSphinxSettings.SampleRate);

        using var transcriber = PocketSphinxTranscriber.Open(PocketSphinxSettings.Default with { ReviewLanguageModel = lm, ReviewWeight = 1f });
        var transcript = transcriber.Transcribe(audio.Samples);

        output.WriteLine($"transcript: \"{transcript.Text}\"");
        var vocabulary = new HashSet<string>(["the", "movie", "was", "wonderful", "acting", "great", "and"]);
        Assert.NotEqual(0, transcript.WordCount);
        Assert.All(transcript.Text.Split(' '), word => Assert.Contains(word, vocabulary));
    }

    [Fact]
    public void Open_CorruptReviewModel_IsNamedInTheError()
    {
        using var temp = new TempFolder();
        var lm = temp.PathOf("review-lm.arpa");
        File.WriteAllText(lm, "this is not a language model");

        var error = Assert.Throws<TranscriptionException>(
            () => PocketSphinxTranscriber.Open(PocketSphinxSettings.Default with { ReviewLanguageModel = lm }));

        Assert.Contains(lm, error.Message, StringComparison.Ordinal);
    }

    private static void RunPython(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("python3")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 {string.Join(' ', args)} failed: {error.Result}");
    }
}
