using System.Text.Json;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Export;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Control;

/// <summary>Every agent command of the CLI, through its entry point, against a real agent over the real socket.</summary>
[Collection(ControlAgentGroup.Name)]
public sealed class ControlCommandsTests
{
    private static readonly string[] Moods = ["no-speech", "negative", "neutral", "positive"];
    private readonly ControlAgent _agent;

    public ControlCommandsTests(ControlAgent agent)
    {
        _agent = agent;
    }

    [Fact]
    public void Status_ShowsTheRunningAgentsModelMoodStoreAndBroker()
    {
        var run = CliRun.Of("status", "--socket", _agent.SocketPath);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("running for", run.Out, StringComparison.Ordinal);
        Assert.Contains("ds-cnn-sentiment", run.Out, StringComparison.Ordinal);
        Assert.Contains(_agent.DatabasePath, run.Out, StringComparison.Ordinal);
        Assert.Contains("disabled (Mqtt:Enabled is false)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"Input level\s+-?\d+\.\d dBFS", run.Out);
        Assert.DoesNotContain("\e[", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusJson_HasTheVersionedShape()
    {
        var run = CliRun.Of("status", "--json", "--socket", _agent.SocketPath);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(ControlApi.Version, root.GetProperty("version").GetInt32());
        Assert.True(root.GetProperty("uptimeSeconds").GetDouble() >= 0);
        Assert.Equal("int8", root.GetProperty("model").GetProperty("precision").GetString());
        Assert.True(root.GetProperty("pipeline").GetProperty("windowsProcessed").GetInt64() > 0, "no window processed");
        Assert.True(root.GetProperty("store").GetProperty("records").GetProperty("minutes").GetInt32() >= _agent.SeededMinutes.Count);
        Assert.Equal("disabled", root.GetProperty("broker").GetProperty("state").GetString());
        Assert.Contains(root.GetProperty("mood").GetProperty("mood").GetString(), Moods);
        Assert.Equal(JsonValueKind.False, root.GetProperty("mood").GetProperty("filmSpeaks").ValueKind);
        Assert.Equal(0, root.GetProperty("pipeline").GetProperty("filmWindows").GetInt64());
        Assert.Equal(0, root.GetProperty("pipeline").GetProperty("audienceOverFilmWindows").GetInt64());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("recentFaults").ValueKind);
    }

    [Fact]
    public void History_ListsTheStoredMinutesWithTheirMoods()
    {
        var run = CliRun.Of("history", "--since", "2h", "--socket", _agent.SocketPath);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var minute in _agent.SeededMinutes)
        {
            var row = Assert.Single(run.Out.Split('\n'), line => line.StartsWith(minute.MinuteStartUtc.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            Assert.Contains(ExportText.Mood(minute.DominantMood), row, StringComparison.Ordinal);
            Assert.Contains("120", row, StringComparison.Ordinal);
            var (film, overFilm) = minute.Tally.FilmWindowCount > 0 ? ("25 %", "10 %") : ("0 %", "0 %");
            Assert.Matches($@"\s{film}\s+{overFilm}$", row.TrimEnd());
        }
    }

    [Fact]
    public void HistoryJson_SinceLeavesOutOlderMinutes()
    {
        var recent = CliRun.Of("history", "--since", "10m", "--json", "--socket", _agent.SocketPath);
        var all = CliRun.Of("history", "--since", "1h", "--json", "--socket", _agent.SocketPath);

        Assert.Equal(ExitCodes.Ok, all.ExitCode);
        var minutes = JsonSerializer.Deserialize<HistoryReply>(all.Out, ControlJson.Options)!.Minutes;
        Assert.Equal(_agent.SeededMinutes.Select(m => m.MinuteStartUtc), minutes.Take(3).Select(m => m.StartUtc));
        Assert.Equal(_agent.SeededMinutes.Select(m => m.DominantMood), minutes.Take(3).Select(m => m.DominantMood));
        Assert.DoesNotContain(
            JsonSerializer.Deserialize<HistoryReply>(recent.Out, ControlJson.Options)!.Minutes,
            m => m.StartUtc < DateTime.UtcNow.AddMinutes(-11));
    }

    [Fact]
    public void History_WithASinceThatIsNotATime_IsAUsageError()
    {
        var run = CliRun.Of("history", "--since", "yesterday", "--socket", _agent.SocketPath);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--since 'yesterday'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sessions_StartAndStop_ThenExportThroughTheAgentShowsTheSession()
    {
        const string title = "Evening screening, hall 2";
        var start = CliRun.Of("sessions", "start", title, "--json", "--socket", _agent.SocketPath);
        Assert.Equal(ExitCodes.Ok, start.ExitCode);
        var started = JsonSerializer.Deserialize<SessionReply>(start.Out, ControlJson.Options)!.Session;
        Assert.Equal(title, started.Title);
        Assert.Null(started.EndUtc);

        var status = CliRun.Of("status", "--socket", _agent.SocketPath);
        Assert.Contains($"\"{title}\" since", status.Out, StringComparison.Ordinal);
        Assert.Contains("% audience over film", status.Out, StringComparison.Ordinal);
        Assert.Contains("with the audience speaking over the film", status.Out, StringComparison.Ordinal);

        var stop = CliRun.Of("sessions", "stop", "--socket", _agent.SocketPath);
        Assert.Equal(ExitCodes.Ok, stop.ExitCode);
        Assert.Contains($"Stopped session \"{title}\"", stop.Out, StringComparison.Ordinal);
        Assert.Contains("0 % film, 0 % audience over film", stop.Out, StringComparison.Ordinal);

        var again = CliRun.Of("sessions", "stop", "--socket", _agent.SocketPath);
        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        Assert.Contains("no session is running", again.Error, StringComparison.Ordinal);

        // CSV through the agent: the title holds a comma, so it is quoted.
        var csv = CliRun.Of("export", "--socket", _agent.SocketPath);
        Assert.Equal(ExitCodes.Ok, csv.ExitCode);
        Assert.StartsWith(ExportCsv.Header, csv.Out, StringComparison.Ordinal);
        Assert.Contains(csv.Out.Split('\n'), line => line.StartsWith("session,", StringComparison.Ordinal) && line.Contains($"\"{title}\"", StringComparison.Ordinal));
        Assert.Equal(_agent.SeededMinutes.Count, csv.Out.Split('\n').Count(line => line.StartsWith("minute,", StringComparison.Ordinal) && IsSeeded(line)));

        // Days apart, read a day at a time: every minute, in time order.
        var starts = csv.Out.Split('\n').Where(line => line.StartsWith("minute,", StringComparison.Ordinal)).Select(line => line.Split(',')[1]).ToList();
        var expected = _agent.EarlierMinutes.Concat(_agent.SeededMinutes).Select(m => ExportText.Time(m.MinuteStartUtc)).ToList();
        Assert.Equal(expected, starts.Where(expected.Contains));
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);

        var jsonl = CliRun.Of("export", "--format", "jsonl", "--socket", _agent.SocketPath);
        Assert.Equal(ExitCodes.Ok, jsonl.ExitCode);
        var session = jsonl.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(e => e.GetProperty("record").GetString() == "session" && e.GetProperty("title").GetString() == title);
        Assert.Equal(JsonValueKind.String, session.GetProperty("end").ValueKind);

        // The mood shown most while it ran, kept when it ended, reaches the export through the agent too.
        Assert.Equal(JsonValueKind.String, session.GetProperty("dominantMood").ValueKind);
    }

    [Fact]
    public void Tail_ReceivesLiveMoodsAsJsonLines()
    {
        var run = CliRun.Of("tail", "--count", "3", "--json", "--socket", _agent.SocketPath);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var times = new List<DateTime>();
        foreach (var line in lines)
        {
            var mood = JsonSerializer.Deserialize<MoodReply>(line, ControlJson.Options)!;
            Assert.Equal(ControlApi.Version, mood.Version);
            Assert.False(mood.CaptureFault);
            Assert.NotNull(mood.Speech);
            times.Add(mood.AtUtc);
        }

        Assert.Equal(times.Order(), times);
        Assert.Equal(times.Count, times.Distinct().Count());
    }

    [Fact]
    public void Tail_WritesOneLinePerMoodWithALevelMeter()
    {
        var run = CliRun.Of("tail", "--count", "2", "--socket", _agent.SocketPath);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^\d\d:\d\d:\d\d  (NEGATIVE|NEUTRAL|POSITIVE|no speech) .*(dBFS|silent)  [#.]{30}$", line));
    }

    [Fact]
    public void LedsTest_ShowsEveryPatternOnTheAgentsIndicatorThenTheMoodAgain()
    {
        var before = _agent.Indicator.Patterns.Count;

        var run = CliRun.Of("leds", "test", "--json", "--socket", _agent.SocketPath);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var reply = JsonSerializer.Deserialize<LedTestReply>(run.Out, ControlJson.Options)!;
        Assert.Equal("recording indicator", reply.Indicator);
        Assert.Equal(IndicatorSink.TestPatterns, reply.Patterns);

        // Nothing else reached the indicator during the test, and the mood came back after it.
        var shown = _agent.Indicator.Patterns.Skip(before).ToList();
        var at = IndexOf(shown, IndicatorSink.TestPatterns);
        Assert.True(at >= 0, $"the indicator did not show the test patterns in order: {string.Join(' ', shown)}");
        Assert.True(shown.Count > at + IndicatorSink.TestPatterns.Count, "the mood was not shown again after the test");
        Assert.Equal(reply.ShownAfter, shown[at + IndicatorSink.TestPatterns.Count]);
    }

    [Fact]
    public void UnknownRequest_IsAnsweredWithAVersionedError()
    {
        using var client = new AgentClient(_agent.SocketPath);

        var e = Assert.Throws<AgentRequestException>(
            () => client.GetAsync<StatusReply>("/v2/status", CancellationToken.None).GetAwaiter().GetResult());

        Assert.Equal(404, e.Status);
        Assert.Contains("no such request: GET /v2/status", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAgent_LogsNoErrorWhileServingTheCommands()
    {
        CliRun.Of("status", "--socket", _agent.SocketPath);
        CliRun.Of("tail", "--count", "1", "--socket", _agent.SocketPath);
        CliRun.Of("sessions", "stop", "--socket", _agent.SocketPath);
        CliRun.Of("history", "--socket", _agent.SocketPath);

        _agent.Log.AssertNoErrors();
    }

    private static int IndexOf(List<LedPattern> shown, IReadOnlyList<LedPattern> run)
    {
        for (var i = 0; i + run.Count <= shown.Count; i++)
        {
            if (shown.Skip(i).Take(run.Count).SequenceEqual(run))
            {
                return i;
            }
        }

        return -1;
    }

    private bool IsSeeded(string csvLine) =>
        _agent.SeededMinutes.Any(m => csvLine.StartsWith($"minute,{ExportText.Time(m.MinuteStartUtc)},", StringComparison.Ordinal));
}
