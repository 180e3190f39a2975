using System.Text.Json;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeSentiment.Device.Tests.Composition;

public sealed class AgentStoreTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Agent_OnTheScreeningRecording_StoresEveryWindowAndTheMinuteSummariesEncrypted()
    {
        using var folder = new TempFolder();
        var database = folder.PathOf("state/results.db");
        var keyFile = folder.PathOf("state/edgesentiment.key");
        string[] args =
        [
            "--Capture:Source", "File",
            "--Capture:File", RepositoryPaths.Sample("screening.wav"),
            "--Capture:Loop", "false",
            "--Capture:RealTime", "false",
            "--Pipeline:Model", Path.Combine(RepositoryPaths.Models, ModelFiles.DefaultFileName),
            "--Pipeline:WindowQueueCapacity", "1000",
            "--Pipeline:ResultQueueCapacity", "1000",
            "--Pipeline:SinkQueueCapacity", "1000",
            "--Store:DatabasePath", database,
            "--Store:KeyFile", keyFile,
            "--Store:CreateKeyIfMissing", "true",
        ];

        using (var host = DeviceHost.CreateBuilder(args, folder.PathOf("no-config")).Build())
        {
            DeviceServices.Prepare(host.Services);

            // The file source ends after one pass and the agent stops itself.
            await host.RunAsync().WaitAsync(Generous);
        }

        using var key = StoreKeyFile.Load(keyFile);
        using var store = LiteDbResultStore.Open(
            new StoreOptions { DatabasePath = database, KeyFile = keyFile }, key, keyFile, NullLogger.Instance, TimeProvider.System);

        // 31.6 s of audio in 2 s windows every 0.5 s.
        var windows = store.ReadWindows(DateTime.MinValue, DateTime.MaxValue);
        Assert.Equal(60, windows.Count);
        Assert.Contains(windows, w => w.Value.IsSpeech);

        var minutes = store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue);
        Assert.NotEmpty(minutes);
        var windowsInMinutes = 0;
        foreach (var minute in minutes)
        {
            windowsInMinutes += minute.Value.Tally.WindowCount;
        }

        Assert.Equal(windows.Count, windowsInMinutes);

        var outbox = store.PeekOldest(100);
        Assert.Equal(minutes.Count, outbox.Count);
        foreach (var entry in outbox)
        {
            using var json = JsonDocument.Parse(entry.Payload);
            Assert.True(json.RootElement.TryGetProperty("dominantMood", out _), "an outbox entry is not a minute summary");
        }

        var events = store.ReadEvents(DateTime.MinValue, DateTime.MaxValue);
        Assert.Equal([DeviceEventKind.Started, DeviceEventKind.Stopped], [.. events.Select(e => e.Value.Kind)]);

        // The file holds no readable result: the records are sealed.
        Assert.False(Holds(await File.ReadAllBytesAsync(database), "dominantMood"u8), "the database holds a summary in clear text");
    }

    private static bool Holds(byte[] raw, ReadOnlySpan<byte> text) => raw.AsSpan().IndexOf(text) >= 0;
}
