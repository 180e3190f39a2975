using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeSentiment.Device.Tests.Composition;

// systemd does not restart the agent on 78: only a setting may end it with 78, never a fault at run time.
public sealed class AgentRunnerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task RunAsync_IOExceptionWhileRunning_Exits70WithOneLine()
    {
        using var folder = new TempFolder();
        using var error = new StringWriter();

        var code = await AgentRunner.RunAsync(
            () =>
            {
                var builder = DeviceHost.CreateBuilder(Args(folder), folder.PathOf("no-config"));
                builder.Services.AddHostedService<FailingStop>();
                return builder.Build();
            },
            error).WaitAsync(Generous);

        Assert.Equal(70, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the agent stopped on a fault (IOException: No space left on device)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AudioSourceFails_Exits70InsteadOfEndingAsIfTheRecordingEnded()
    {
        using var folder = new TempFolder();
        using var error = new StringWriter();

        var code = await AgentRunner.RunAsync(
            () =>
            {
                var builder = DeviceHost.CreateBuilder(Args(folder), folder.PathOf("no-config"));
                builder.Services.AddSingleton<IAudioSource>(new FailingSource());
                return builder.Build();
            },
            error).WaitAsync(Generous);

        Assert.Equal(70, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the agent stopped on a fault (IOException: Input/output error)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadSettingBeforeStart_Exits78NamingIt()
    {
        using var folder = new TempFolder();
        using var error = new StringWriter();

        var code = await AgentRunner.RunAsync(
            () => DeviceHost.CreateBuilder([.. Args(folder), "--Indicator:Kind", "Neopixel"], folder.PathOf("no-config")).Build(),
            error).WaitAsync(Generous);

        Assert.Equal(78, code);
        Assert.StartsWith("error: Indicator:Kind is 'Neopixel'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DiskFullAtStart_Exits78WithTheResultStoreLine()
    {
        using var fileSystem = Storage.SmallFileSystem.TryMount(1);
        Assert.True(fileSystem is not null, "this test mounts a 1 MB tmpfs and needs root (run scripts/test with sudo)");
        using var folder = new TempFolder();
        fileSystem.Fill();
        var database = Path.Combine(fileSystem.Path, "results.db");
        using var error = new StringWriter();

        var code = await AgentRunner.RunAsync(
            () => DeviceHost.CreateBuilder([.. Args(folder), "--Store:DatabasePath", database], folder.PathOf("no-config")).Build(),
            error).WaitAsync(Generous);

        Assert.Equal(78, code);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: result store: cannot open the result database {database}: No space left on device", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SourceEnds_Exits0()
    {
        using var folder = new TempFolder();
        using var error = new StringWriter();

        var code = await AgentRunner.RunAsync(() => DeviceHost.CreateBuilder(Args(folder), folder.PathOf("no-config")).Build(), error).WaitAsync(Generous);

        Assert.Equal(0, code);
        Assert.Equal("", error.ToString());
    }

    // The recording plays once, as fast as it reads, and the agent stops itself at its end.
    private static string[] Args(TempFolder folder) =>
    [
        "--Capture:Source", "File",
        "--Capture:File", RepositoryPaths.Sample("neutral.wav"),
        "--Capture:Loop", "false",
        "--Capture:RealTime", "false",
        "--Pipeline:Model", Path.Combine(RepositoryPaths.Models, ModelFiles.DefaultFileName),
        "--Store:DatabasePath", folder.PathOf("state/results.db"),
        "--Store:KeyFile", folder.PathOf("state/edgesentiment.key"),
        "--Store:CreateKeyIfMissing", "true",
        "--Control:Enabled", "false",
    ];

    private sealed class FailingSource : IAudioSource
    {
        public string Description => "failing";

        public bool IsLive => true;

        public async Task RunAsync(CaptureOutput output, CancellationToken cancellationToken)
        {
            await Task.Delay(100, cancellationToken);
            throw new IOException("Input/output error");
        }
    }

    private sealed class FailingStop : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => throw new IOException("No space left on device");
    }
}
