using System.Net.Sockets;
using EdgeSentiment.Device;
using EdgeSentiment.Device.Control;
using EdgeSentiment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Cli.Tests.Control;

/// <summary>Where the socket comes from and where it goes: a crash's leftover, a second agent, the stop.</summary>
[Collection(ControlAgentGroup.Name)]
public sealed class SocketLifeTests
{
    private readonly ControlAgent _agent;

    public SocketLifeTests(ControlAgent agent)
    {
        _agent = agent;
    }

    [Fact]
    public async Task ASecondServerOnALiveSocket_RunsWithoutOneAndLeavesTheFirstAlone()
    {
        var logger = new FakeLogger();
        await using var second = Server(_agent.SocketPath, logger);

        await second.StartAsync(CancellationToken.None);
        await second.StopAsync(CancellationToken.None);

        Assert.Null(second.SocketPath);
        Assert.Equal(1, logger.Count(LogEvents.ControlSocketInUse));
        Assert.True(File.Exists(_agent.SocketPath));
        Assert.Equal(ExitCodes.Ok, CliRun.Of("status", "--socket", _agent.SocketPath).ExitCode);
    }

    [Fact]
    public async Task ASocketLeftByACrash_IsReplacedAtStartAndRemovedAtStop()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("control.sock");
        using (var crashed = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            crashed.Bind(new UnixDomainSocketEndPoint(folder.PathOf("bound.sock")));
            File.Move(folder.PathOf("bound.sock"), path);
        }

        var logger = new FakeLogger();
        await using var server = Server(path, logger);

        await server.StartAsync(CancellationToken.None);
        Assert.Equal(path, server.SocketPath);
        Assert.Equal(1, logger.Count(LogEvents.ControlStaleSocketRemoved));
        Assert.Equal(ExitCodes.Ok, CliRun.Of("status", "--socket", path).ExitCode);

        await server.StopAsync(CancellationToken.None);
        Assert.False(File.Exists(path), "the socket outlived the server");
        Assert.Equal(ExitCodes.AgentNotRunning, CliRun.Of("status", "--socket", path).ExitCode);
        logger.AssertNoErrors();
    }

    private ControlServer Server(string path, FakeLogger logger) => new(
        Options.Create(new ControlOptions { SocketPath = path }),
        _agent.Services.GetRequiredService<ControlEndpoints>(),
        NullLoggerFactory.Instance,
        new FakeLogger<ControlServer>(logger.Collector));
}
