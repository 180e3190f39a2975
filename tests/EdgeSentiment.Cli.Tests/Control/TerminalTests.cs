using System.Globalization;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Control;

/// <summary>
/// <c>tail</c> and <c>status</c> as a technician sees them: the built CLI in a real terminal (tmux,
/// 120 x 30), the screen read back with <c>tmux capture-pane</c>.
/// </summary>
[Collection(ControlAgentGroup.Name)]
public sealed class TerminalTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(1);
    private readonly ControlAgent _agent;
    private readonly string _server = "edgesentiment-test-" + Guid.NewGuid().ToString("N")[..8];

    public TerminalTests(ControlAgent agent)
    {
        _agent = agent;
    }

    [Fact]
    public async Task Tail_InATerminal_ShowsColouredMoodsWithAMeterUntilCtrlC()
    {
        await StartAsync("tail", string.Empty);

        var screen = await WaitForAsync(s => s.Split('\n').Count(IsMoodLine) >= 3);
        Assert.Contains("Following the agent at", screen, StringComparison.Ordinal);

        // Colour on a terminal: the mood words carry ANSI escapes.
        var escaped = await TmuxAsync("capture-pane", "-p", "-e", "-t", "main");
        Assert.Matches("\e\\[3[123]mNEGATIVE|\e\\[3[123]mNEUTRAL|\e\\[3[123]mPOSITIVE|\e\\[2mno speech", escaped);

        await TmuxAsync("send-keys", "-t", "main", "C-c");
        screen = await WaitForAsync(s => s.Contains("EXIT=", StringComparison.Ordinal));
        Assert.Contains("EXIT=0", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_InATerminal_ShowsEveryPartAndNoColourWithNoColor()
    {
        await StartAsync("status", "NO_COLOR=1 ");

        var screen = await WaitForAsync(s => s.Contains("EXIT=", StringComparison.Ordinal));

        Assert.Contains("EXIT=0", screen, StringComparison.Ordinal);
        foreach (var label in new[] { "Agent", "Model", "Mood", "Input level", "Windows", "Store", "Broker", "Session", "Faults" })
        {
            Assert.Contains(screen.Split('\n'), line => line.StartsWith(label, StringComparison.Ordinal));
        }

        var escaped = await TmuxAsync("capture-pane", "-p", "-e", "-t", "main");
        Assert.DoesNotContain("\e[3", escaped, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            TmuxAsync("kill-server").GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already gone: the session ended.
        }
    }

    private static bool IsMoodLine(string line) =>
        line.Length > 8 && TimeOnly.TryParseExact(line[..8], "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && line.Contains("dBFS", StringComparison.Ordinal) && line.Contains("####", StringComparison.Ordinal);

    private async Task StartAsync(string command, string environment)
    {
        var line = $"{environment}{Quote(ProcessRun.Dotnet)} {Quote(ProcessRun.CliAssembly)} {command} --socket {Quote(_agent.SocketPath)}; echo EXIT=$?; sleep 600";
        await TmuxAsync("new-session", "-d", "-s", "main", "-x", "120", "-y", "30", line);
    }

    private async Task<string> WaitForAsync(Func<string, bool> done)
    {
        using var deadline = new CancellationTokenSource(Generous);
        var screen = string.Empty;
        while (!deadline.IsCancellationRequested)
        {
            screen = await TmuxAsync("capture-pane", "-p", "-t", "main");
            if (done(screen))
            {
                return screen;
            }

            await Task.Delay(200, CancellationToken.None);
        }

        Assert.Fail($"the screen never showed what was expected; it shows:\n{screen}");
        return screen;
    }

    private async Task<string> TmuxAsync(params string[] arguments)
    {
        var run = await ProcessRun.OfAsync("tmux", ["-L", _server, "-f", "/dev/null", .. arguments]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {run.Error}");
        }

        return run.Out;
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
