using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Control;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Device.Transcription;
using EdgeSentiment.Device.Transcription.PocketSphinx;
using EdgeSentiment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Xunit.Abstractions;

namespace EdgeSentiment.Device.Tests.Composition;

/// <summary>The agent with <c>Transcription</c> off (the default) and on, from its command line to its store.</summary>
public sealed class LiveTranscriptionAgentTests(ITestOutputHelper output)
{
    private const string Sentence = "the movie was wonderful and the acting was great";
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    [Fact]
    public void AddDevice_TranscriptionOff_RegistersNothingThatTranscribes()
    {
        using var folder = new TempFolder();
        using var host = DeviceHost.CreateBuilder(Args(folder, RepositoryPaths.Sample("neutral.wav")), folder.PathOf("no-config")).Build();

        Assert.Null(host.Services.GetService<TranscriptionWorker>());
        Assert.Null(host.Services.GetService<LiveTranscription>());
        Assert.DoesNotContain(host.Services.GetServices<IAudioTap>(), tap => tap is LiveTranscription);
        Assert.DoesNotContain(host.Services.GetServices<IMoodSink>(), sink => sink is LiveTranscription);
    }

    [Fact]
    public void StatusReport_TranscriptionOnAndOff_CountsOnlyWhenOn()
    {
        using var folder = new TempFolder();
        using (var off = DeviceHost.CreateBuilder(Args(folder, RepositoryPaths.Sample("neutral.wav")), folder.PathOf("no-config")).Build())
        {
            Assert.Null(off.Services.GetRequiredService<StatusReport>().Build().Transcription);
        }

        using var on = DeviceHost.CreateBuilder(
            [.. Args(folder, RepositoryPaths.Sample("neutral.wav")), "--Transcription:Enabled", "true"], folder.PathOf("no-config")).Build();
        Assert.Equal(new TranscriptionCounts(0, 0, 0, 0), on.Services.GetRequiredService<StatusReport>().Build().Transcription);
    }

    [Fact]
    public void AddDevice_TranscriptionOnInAReviewBooth_TheBoothAloneFeedsTheRecogniser()
    {
        using var folder = new TempFolder();
        using var studio = AgeIdentity.Generate();
        using var host = DeviceHost.CreateBuilder(BoothArgs(folder, studio), folder.PathOf("no-config")).Build();

        // No live transcription tapping the microphone or reading the windows: only the booth, which hands it a review's utterances.
        Assert.NotNull(host.Services.GetService<TranscriptionWorker>());
        Assert.Null(host.Services.GetService<LiveTranscription>());
        Assert.DoesNotContain(host.Services.GetServices<IAudioTap>(), tap => tap is LiveTranscription);
        Assert.DoesNotContain(host.Services.GetServices<IMoodSink>(), sink => sink is LiveTranscription);
        Assert.Contains(host.Services.GetServices<IAudioTap>(), tap => tap is ReviewBooth);
    }

    [Fact]
    public async Task RunAsync_TranscriptionOnInAReviewBooth_StartsAndKeepsNoTranscriptInTheStore()
    {
        using var folder = new TempFolder();
        using var error = new StringWriter();
        using var studio = AgeIdentity.Generate();
        using var logs = new FakeLoggerProvider();

        var code = await AgentRunner.RunAsync(
            () =>
            {
                var builder = DeviceHost.CreateBuilder(BoothArgs(folder, studio), folder.PathOf("no-config"));
                builder.Logging.AddProvider(logs);
                return builder.Build();
            },
            error).WaitAsync(Generous);

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        var started = Assert.Single(logs.Collector.GetSnapshot(), line => line.Id.Id == LogEvents.TranscriptionStarted);
        Assert.EndsWith("transcripts are kept only sealed in the booth's review documents", started.Message, StringComparison.Ordinal);
        var keyPath = folder.PathOf("state/edgesentiment.key");
        using var key = StoreKeyFile.Load(keyPath);
        using var store = LiteDbResultStore.OpenReadOnly(
            new StoreOptions { DatabasePath = folder.PathOf("state/results.db"), KeyFile = keyPath }, key, keyPath, NullLogger.Instance, TimeProvider.System);
        Assert.Empty(store.ReadTranscripts(DateTime.MinValue, DateTime.MaxValue));
    }

    [Fact]
    public async Task RunAsync_TranscriptionOnWithoutItsTextModel_Exits78NamingTheSettingAndTheFile()
    {
        using var folder = new TempFolder();
        using var error = new StringWriter();
        var missing = folder.PathOf("missing-text.onnx");

        var code = await AgentRunner.RunAsync(
            () => DeviceHost.CreateBuilder(
                [.. Args(folder, RepositoryPaths.Sample("neutral.wav")), "--Transcription:Enabled", "true", "--Transcription:TextModel", missing],
                folder.PathOf("no-config")).Build(),
            error).WaitAsync(Generous);

        Assert.Equal(78, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: Transcription:Enabled is true, but the text model {missing} is missing (Transcription:TextModel)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TranscriptionOnWithAMissingReviewModel_Exits78NamingIt()
    {
        using var folder = new TempFolder();
        using var error = new StringWriter();
        var missing = folder.PathOf("review-lm.arpa");

        var code = await AgentRunner.RunAsync(
            () => DeviceHost.CreateBuilder(
                [.. Args(folder, RepositoryPaths.Sample("neutral.wav")), "--Transcription:Enabled", "true", "--Transcription:ReviewLanguageModel", missing],
                folder.PathOf("no-config")).Build(),
            error).WaitAsync(Generous);

        Assert.Equal(78, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: Transcription:Enabled is true, but the review language model is missing ({missing})", line, StringComparison.Ordinal);
        Assert.EndsWith("; or set Transcription:Enabled to false", line.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_RecogniserNotInstalled_IsOneLineWithTheDebianPackagesAndTheSetting()
    {
        var missing = Assert.Throws<TranscriptionException>(() => PocketSphinxLibrary.Require(successor: "libpocketsphinx-absent.so.5", library: "libpocketsphinx.so.3-absent"));

        var lines = StartErrors.Describe(SettingFailures.ForRecogniser(missing));

        Assert.Equal(
            "error: Transcription:Enabled is true, but speech recognition is not installed (libpocketsphinx.so.3-absent not found): install the Debian packages "
                + "libpocketsphinx3 and pocketsphinx-en-us (apt-get install libpocketsphinx3 pocketsphinx-en-us); or set Transcription:Enabled to false",
            Assert.Single(lines!));
    }

    // Real PocketSphinx, the shipped voice and text models, the LiteDB store: a spoken review played
    // through the agent once ends up as sealed transcripts, readable with the key.
    [Fact]
    public async Task RunAsync_TranscriptionOnOverASpokenReview_StoresItsWordsSealed()
    {
        using var folder = new TempFolder();
        var wav = folder.PathOf("review.wav");
        EspeakNg.Speak(Sentence, wav);
        using var error = new StringWriter();
        using var logs = new FakeLoggerProvider();

        var code = await AgentRunner.RunAsync(
            () =>
            {
                // The sinks and the recogniser get longer than by default to take the last windows and decode
                // the last utterance: on a loaded test machine that can take longer than on an idle board.
                var builder = DeviceHost.CreateBuilder(
                    [.. Args(folder, wav), "--Transcription:Enabled", "true", "--Pipeline:DrainSeconds", "15"], folder.PathOf("no-config"));
                builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
                return builder.Build();
            },
            error).WaitAsync(Generous);

        foreach (var line in logs.Collector.GetSnapshot())
        {
            output.WriteLine($"{line.Level} [{line.Id.Id}] {line.Message}");
        }

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        var keyPath = folder.PathOf("state/edgesentiment.key");
        using var key = StoreKeyFile.Load(keyPath);
        using var store = LiteDbResultStore.OpenReadOnly(
            new StoreOptions { DatabasePath = folder.PathOf("state/results.db"), KeyFile = keyPath }, key, keyPath, NullLogger.Instance, TimeProvider.System);
        var records = store.ReadTranscripts(DateTime.MinValue, DateTime.MaxValue);
        foreach (var record in records)
        {
            output.WriteLine($"{record.Value.Seconds:0.0} s: \"{record.Value.Text}\" ({record.Value.FusedLabel}, words used {record.Value.WordsUsed})");
        }

        var heard = Assert.Single(records).Value;

        // Whatever the agent logged, down to Debug, holds none of the words it heard.
        foreach (var word in heard.Text.Split(' ').Where(w => w is "movie" or "wonderful" or "acting" or "great"))
        {
            Assert.DoesNotContain(logs.Collector.GetSnapshot(), line => line.Message.Contains(word, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(heard.Text.Split(' '), word => word is "movie" or "wonderful" or "acting" or "great");
        Assert.Equal(heard.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, heard.WordCount);
        Assert.InRange(heard.Seconds, 2.0, 10.0);
        Assert.Equal(heard.WordCount > 0, heard.Words is not null);
    }

    // A desk booth (no button) with transcription on: nothing is recorded unless a review is started.
    private static string[] BoothArgs(TempFolder folder, AgeIdentity studio, string? wav = null) =>
    [
        .. Args(folder, wav ?? RepositoryPaths.Sample("neutral.wav")),
        "--Transcription:Enabled", "true",
        "--Booth:Enabled", "true",
        "--Booth:ButtonPin", "-1",
        "--Booth:SpoolFolder", folder.PathOf("spool"),
        "--Booth:Recipients:0", studio.Recipient.ToString(),
    ];

    // Real PocketSphinx, the shipped voice and text models, a desk booth: a review spoken in real time ends by
    // itself after the speech, and its words come back into its sealed document, and only there.
    [Fact]
    public async Task RunAsync_SpokenReviewInTheBooth_ItsWordsAreOnlyInItsSealedDocument()
    {
        using var folder = new TempFolder();
        using var studio = AgeIdentity.Generate();
        var spoken = folder.PathOf("spoken.wav");
        var wav = folder.PathOf("review.wav");
        EspeakNg.Speak(Sentence, spoken);

        // Half a second before the words, and enough silence after them for the review to end (Booth:EndOfSpeechSeconds,
        // 4 s) and its words to come back.
        Sox.Run(spoken, "-r", "16000", wav, "pad", "0.5", "20");
        using var error = new StringWriter();
        using var logs = new FakeLoggerProvider();

        var code = await AgentRunner.RunAsync(
            () =>
            {
                var builder = DeviceHost.CreateBuilder(
                    [.. BoothArgs(folder, studio, wav), "--Capture:RealTime", "true"],
                    folder.PathOf("no-config"));
                builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
                var host = builder.Build();
                host.Services.GetRequiredService<ReviewBooth>().Start("test");
                return host;
            },
            error).WaitAsync(Generous);

        foreach (var line in logs.Collector.GetSnapshot())
        {
            output.WriteLine($"{line.Level} [{line.Id.Id}] {line.Message}");
        }

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
        var document = Assert.Single(Directory.GetFiles(folder.PathOf("spool"), "*" + ReviewSpool.DocumentSuffix));
        using var open = AgeOpenStream.Open(File.OpenRead(document), [studio]);
        var review = System.Text.Json.JsonDocument.Parse(open).RootElement.Clone();
        output.WriteLine(review.ToString());
        Publishing.MessageShapes.AssertReviewDocument(review);
        var words = review.GetProperty("words");
        Assert.Equal("transcribed", words.GetProperty("outcome").GetString());
        var heard = string.Join(' ', words.GetProperty("utterances").EnumerateArray().Select(u => u.GetProperty("transcript").GetString()));
        Assert.Contains(heard.Split(' '), word => word is "movie" or "wonderful" or "acting" or "great");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, words.GetProperty("overall").ValueKind);

        // Not in the store, not in anything logged down to Debug.
        var keyPath = folder.PathOf("state/edgesentiment.key");
        using var key = StoreKeyFile.Load(keyPath);
        using var store = LiteDbResultStore.OpenReadOnly(
            new StoreOptions { DatabasePath = folder.PathOf("state/results.db"), KeyFile = keyPath }, key, keyPath, NullLogger.Instance, TimeProvider.System);
        Assert.Empty(store.ReadTranscripts(DateTime.MinValue, DateTime.MaxValue));
        foreach (var word in heard.Split(' ').Where(w => w is "movie" or "wonderful" or "acting" or "great"))
        {
            Assert.DoesNotContain(logs.Collector.GetSnapshot(), line => line.Message.Contains(word, StringComparison.OrdinalIgnoreCase));
        }
    }

    // The recording plays once, as fast as it reads, and the agent stops itself at its end.
    private static string[] Args(TempFolder folder, string wav) =>
    [
        "--Capture:Source", "File",
        "--Capture:File", wav,
        "--Capture:Loop", "false",
        "--Capture:RealTime", "false",
        "--Pipeline:Model", Path.Combine(RepositoryPaths.Models, ModelFiles.DefaultFileName),
        "--Store:DatabasePath", folder.PathOf("state/results.db"),
        "--Store:KeyFile", folder.PathOf("state/edgesentiment.key"),
        "--Store:CreateKeyIfMissing", "true",
        "--Control:Enabled", "false",
    ];
}
