namespace EdgeSentiment.Cli.Tests.Control;

public sealed class TailAgentStopsTests
{
    [Fact]
    public async Task Tail_WhenTheAgentStopsMidStream_SaysSoAndFails()
    {
        using var agent = new ControlAgent();
        await agent.InitializeAsync();
        var tail = Task.Run(() => CliRun.Of("tail", "--socket", agent.SocketPath));
        await Task.Delay(TimeSpan.FromSeconds(2));

        await agent.DisposeAsync();
        var run = await tail.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("error: the agent stopped the stream", run.Error, StringComparison.Ordinal);
        Assert.NotEqual("", run.Out);
    }
}
