using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeSentiment.Testing;

/// <summary>A temp folder with a key file (0600) and a database path; opens real LiteDB stores on them.</summary>
public sealed class StoreTestBed : IDisposable
{
    public static readonly DateTime Origin = new(2026, 11, 20, 18, 0, 0, DateTimeKind.Utc);

    public StoreTestBed(string? folder = null)
    {
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "edgesentiment-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        KeyPath = Path.Combine(Folder, "edgesentiment.key");
        DatabasePath = Path.Combine(Folder, "results.db");
        using var key = StoreKey.Generate();
        StoreKeyFile.Write(KeyPath, key);
        Options = new StoreOptions { DatabasePath = DatabasePath, KeyFile = KeyPath };
    }

    public string Folder { get; }

    public string KeyPath { get; }

    public string DatabasePath { get; }

    public StoreOptions Options { get; }

    public FakeLogger Logger { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(Origin));

    public LiteDbResultStore Open(string? keyPath = null)
    {
        var path = keyPath ?? KeyPath;
        using var key = StoreKeyFile.Load(path);
        return LiteDbResultStore.Open(Options, key, path, Logger, Time);
    }

    public static WindowResult Window(float negative, float neutral, float positive, bool speech = true) =>
        new(TimeSpan.Zero, TimeSpan.FromSeconds(2), speech, new SentimentScores(negative, neutral, positive), -23.5f);

    public static MinuteSummary Minute(int minute, int windows = 30, AudienceMood mood = AudienceMood.Positive) =>
        new(Origin.AddMinutes(minute), new SentimentTally(windows, windows / 2, 3, 5, (windows / 2) - 8, new SentimentScores(0.11f, 0.22f, 0.67f)), mood);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a test must not fail on clean-up.
        }
    }
}
