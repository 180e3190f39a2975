using System.Text.Json;
using EdgeSentiment.Cli.Export;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EdgeSentiment.Cli.Tests.Control;

/// <summary><c>edgesentiment export</c> against an agent that stops sending halfway (restarted mid-export).</summary>
public sealed class ExportStreamTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AnExportCutOffBeforeItsLastLine_FailsInsteadOfLookingComplete()
    {
        var socket = _folder.PathOf("control.sock");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.ListenUnixSocket(socket));
        await using var agent = builder.Build();
        agent.MapGet(ControlApi.Export, async context =>
        {
            // One minute, then the stream ends without the line that closes an export.
            var minute = StoreTestBed.Minute(0);
            context.Response.ContentType = ControlApi.JsonLines;
            await context.Response.WriteAsync(JsonSerializer.Serialize(new ExportLine(ControlApi.Version, Minute: MinuteRow.From(minute)), ControlJson.Options) + "\n");
        });
        await agent.StartAsync();

        var run = CliRun.Of("export", "--socket", socket);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("the agent stopped sending before the export was complete", run.Error, StringComparison.Ordinal);
        Assert.StartsWith(ExportCsv.Header, run.Out, StringComparison.Ordinal);
        Assert.Contains("\nminute,", run.Out, StringComparison.Ordinal);
        await agent.StopAsync();
    }
}
