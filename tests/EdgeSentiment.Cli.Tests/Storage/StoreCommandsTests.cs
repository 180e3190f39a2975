using System.Runtime.Versioning;
using System.Text.Json;
using EdgeSentiment.Cli.App;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Storage;

public sealed class StoreCommandsTests : IDisposable
{
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void KeyGenerate_WritesAnOwnerOnlyKey_AndNeverOverwrites()
    {
        var path = Path.Combine(_bed.Folder, "keys", "new.key");

        var (code, output, _) = Run("key", "generate", "--out", path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        using (var key = StoreKeyFile.Load(path))
        {
            Assert.Contains(key.Id, output, StringComparison.Ordinal);
        }

        var before = File.ReadAllBytes(path);
        var (again, _, error) = Run("key", "generate", "--out", path);
        Assert.Equal(ExitCodes.Failed, again);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Export_Csv_WritesTheDecryptedMinutesAndSessionsInTheRange()
    {
        Seed();

        var (code, output, error) = Run("export", "--from", "2026-11-20T18:01Z", "--to", "2026-11-21", "--format", "csv", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.True(code == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "record,start_utc,end_utc,title,windows,speech_windows,negative,neutral,positive,mean_negative,mean_neutral,mean_positive,speech_ratio,dominant_mood,"
                    + "film_windows,audience_over_film_windows",
                "minute,2026-11-20T18:01:00Z,2026-11-20T18:02:00Z,,30,15,3,5,7,0.11,0.22,0.67,0.5,positive,0,0",
                "session,2026-11-20T18:05:00Z,2026-11-20T19:05:00Z,\"Dinner, and a \"\"movie\"\"\",30,15,3,5,7,0.11,0.22,0.67,0.5,positive,0,0",
            ],
            lines);
    }

    [Fact]
    public void Export_FilmCounts_AreTheLastCsvColumnsAndJsonFields()
    {
        using (var store = _bed.Open())
        {
            var tally = StoreTestBed.Minute(0).Tally with { FilmWindowCount = 12, AudienceOverFilmCount = 3 };
            store.AppendMinute(StoreTestBed.Minute(0, mood: AudienceMood.Film) with { Tally = tally });
        }

        var (code, csv, error) = Run("export", "--format", "csv", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);
        var (_, jsonl, _) = Run("export", "--format", "jsonl", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.True(code == ExitCodes.Ok, error);
        var header = csv.Split('\n')[0].Split(',');
        var row = csv.Split('\n')[1].Split(',');
        Assert.Equal(["dominant_mood", "film_windows", "audience_over_film_windows"], header[^3..]);
        Assert.Equal(["film", "12", "3"], row[^3..]);
        using var minute = JsonDocument.Parse(jsonl.Split('\n')[0]);
        Assert.Equal("film", minute.RootElement.GetProperty("dominantMood").GetString());
        Assert.Equal(12, minute.RootElement.GetProperty("filmWindows").GetInt32());
        Assert.Equal(3, minute.RootElement.GetProperty("audienceOverFilmWindows").GetInt32());
        Assert.Equal(0.4, minute.RootElement.GetProperty("filmRatio").GetDouble(), 4);
        Assert.Equal(0.1, minute.RootElement.GetProperty("audienceOverFilmRatio").GetDouble(), 4);
    }

    [Fact]
    public void Export_Jsonl_WritesOneObjectPerRecord()
    {
        Seed();

        var (code, output, error) = Run("export", "--format", "jsonl", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.True(code == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var minute = JsonDocument.Parse(lines[0]);
        Assert.Equal("minute", minute.RootElement.GetProperty("record").GetString());
        Assert.Equal(0.67, minute.RootElement.GetProperty("meanScores").GetProperty("positive").GetDouble(), 4);
        using var session = JsonDocument.Parse(lines[2]);
        Assert.Equal("Dinner, and a \"movie\"", session.RootElement.GetProperty("title").GetString());
        Assert.Equal("positive", session.RootElement.GetProperty("dominantMood").GetString());
    }

    [Fact]
    public void Export_Json_IsJsonLines()
    {
        Seed();

        var (code, output, error) = Run("export", "--json", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);
        var (_, jsonl, _) = Run("export", "--format", "jsonl", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Equal(jsonl, output);
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Export_JsonWithCsv_IsAUsageError()
    {
        var (code, _, error) = Run("export", "--json", "--format", "csv", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--json writes JSON Lines; it cannot be combined with --format csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WhileTheAgentHoldsTheDatabase_SaysToStopIt()
    {
        Seed();
        using var agent = _bed.Open();

        var (code, _, error) = Run("export", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("systemctl stop edgesentiment", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WithABadTime_IsAUsageError()
    {
        var (code, _, error) = Run("export", "--from", "yesterday-ish", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--from 'yesterday-ish' is not a time", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_FromAfterTo_IsAUsageErrorNotAnEmptyExport()
    {
        Seed();

        var (code, output, error) = Run("export", "--from", "2026-11-22", "--to", "2026-11-20", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--from (2026-11-22 00:00Z) must be before --to (2026-11-20 00:00Z)", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public void KeyRotate_ThenExport_ReadsEverythingWithTheNewKey()
    {
        Seed();

        var (code, output, error) = Run("key", "rotate", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.True(code == ExitCodes.Ok, error);
        // Two minutes, their two outbox entries, the session and its outbox entry.
        Assert.Contains("6 records re-encrypted", output, StringComparison.Ordinal);
        var (exported, lines, _) = Run("export", "--format", "jsonl", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);
        Assert.Equal(ExitCodes.Ok, exported);
        Assert.Equal(3, lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void KeyGenerate_Json_NamesTheKeyAndTheFileWritten()
    {
        var path = Path.Combine(_bed.Folder, "keys", "new.key");

        var (code, output, error) = Run("key", "generate", "--out", path, "--json");

        Assert.True(code == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        using var key = StoreKeyFile.Load(path);
        Assert.Equal(key.Id, json.RootElement.GetProperty("keyId").GetString());
        Assert.Equal(path, json.RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public void KeyRotate_Json_CountsTheRecordsAndNamesBothKeys()
    {
        Seed();
        string oldKeyId;
        using (var oldKey = StoreKeyFile.Load(_bed.KeyPath))
        {
            oldKeyId = oldKey.Id;
        }

        var (code, output, error) = Run("key", "rotate", "--database", _bed.DatabasePath, "--key", _bed.KeyPath, "--json");

        Assert.True(code == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        using var newKey = StoreKeyFile.Load(_bed.KeyPath);
        Assert.Equal(_bed.DatabasePath, root.GetProperty("database").GetString());
        Assert.Equal(_bed.KeyPath, root.GetProperty("keyFile").GetString());
        Assert.Equal(oldKeyId, root.GetProperty("oldKeyId").GetString());
        Assert.Equal(newKey.Id, root.GetProperty("newKeyId").GetString());
        Assert.Equal(6, root.GetProperty("resealed").GetInt64());
        Assert.Equal(0, root.GetProperty("unreadable").GetInt64());
    }

    private void Seed()
    {
        using var store = _bed.Open();
        store.AppendMinute(StoreTestBed.Minute(0));
        store.AppendMinute(StoreTestBed.Minute(1));
        var session = store.BeginSession(StoreTestBed.Origin.AddMinutes(5), "Dinner, and a \"movie\"")!.Value;
        store.EndSession(session, StoreTestBed.Origin.AddMinutes(65), StoreTestBed.Minute(0).Tally, AudienceMood.Positive);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(output, error, IsInteractive: false));
        return (code, output.ToString(), error.ToString());
    }
}
