using System.Net.Sockets;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Control;

public sealed class AgentNotRunningTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("tail")]
    [InlineData("history")]
    [InlineData("sessions stop")]
    [InlineData("leds test")]
    public void AgentCommand_WithNoSocket_SaysTheAgentIsNotRunningAndWhatWorksWithoutIt(string command)
    {
        using var folder = new TempFolder();

        var run = CliRun.Of([.. command.Split(' '), "--socket", folder.PathOf("control.sock")]);

        Assert.Equal(ExitCodes.AgentNotRunning, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains($"error: the agent is not running: no control socket at {folder.PathOf("control.sock")}", run.Error, StringComparison.Ordinal);
        Assert.Contains("analyze, eval, devices, bench, key, export --database PATH", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_OnASocketLeftByAStoppedAgent_SaysTheAgentIsNotRunning()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("control.sock");
        using (var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            // A socket file nobody listens on any more, as after a crash: .NET removes the file it bound
            // when the socket closes, so the file is moved out of its way first.
            listener.Bind(new UnixDomainSocketEndPoint(folder.PathOf("bound.sock")));
            listener.Listen();
            File.Move(folder.PathOf("bound.sock"), path);
        }

        Assert.True(File.Exists(path));

        var run = CliRun.Of("status", "--json", "--socket", path);

        Assert.Equal(ExitCodes.AgentNotRunning, run.ExitCode);
        Assert.Contains("nothing listens on the control socket", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WithNoAgent_SaysSoAndReadsTheDatabaseFileInstead()
    {
        using var folder = new TempFolder();

        var run = CliRun.Of("export", "--socket", folder.PathOf("control.sock"));

        Assert.Contains("The agent is not running; reading /var/lib/edgesentiment/results.db directly.", run.Error, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.AgentNotRunning, run.ExitCode);
    }

    [Fact]
    public void Status_TakesTheSocketFromTheEnvironment()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("from-env.sock");
        var before = Environment.GetEnvironmentVariable("EDGESENTIMENT_SOCKET");
        Environment.SetEnvironmentVariable("EDGESENTIMENT_SOCKET", path);
        try
        {
            var run = CliRun.Of("status");

            Assert.Equal(ExitCodes.AgentNotRunning, run.ExitCode);
            Assert.Contains(path, run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("EDGESENTIMENT_SOCKET", before);
        }
    }
}
