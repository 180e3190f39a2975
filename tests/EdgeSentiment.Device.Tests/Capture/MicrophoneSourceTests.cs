using System.Diagnostics.Metrics;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Tests.Fakes;
using EdgeSentiment.Device.Tests.Pipeline;
using EdgeSentiment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Capture;

public sealed class MicrophoneSourceTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Run_DeviceMissingAtStart_ShowsFaultLogsOnceAndRecoversWhenItAppears()
    {
        var device = new ScriptedCaptureDevice(openSucceeds: attempt => attempt >= 4, readsBeforeLoss: _ => null);
        var logger = new FakeLogger();
        var indicator = new RecordingIndicator();
        var sink = new RecordingSink();
        var source = new MicrophoneSource(device, "usb", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40), logger);
        var pipeline = PipelineRunner.Create(source, FakeWindows.BySign, [new IndicatorSink(indicator), sink]);
        using var stop = new CancellationTokenSource();

        var run = pipeline.RunAsync(stop.Token);
        Assert.True(await sink.WaitForAsync(u => u.Window is not null, Generous), "no window after the device appeared");
        await stop.CancelAsync();
        await run.WaitAsync(Generous);

        Assert.Equal(LedPattern.Fault, indicator.Patterns[0]);
        Assert.Contains(LedPattern.Positive, indicator.Patterns);
        Assert.Equal(1, logger.Count(LogEvents.CaptureFailed)); // the outage is logged once, not once per retry
        Assert.Equal(3, logger.Count(LogEvents.CaptureRetrying));
        Assert.Equal(1, logger.Count(LogEvents.CaptureRecovered));
        Assert.True(pipeline.Overruns >= 1);
    }

    [Fact]
    public async Task Run_DeviceReportsInputOverflow_CountsItInTheMetricsAndLogsIt()
    {
        // The scripted device reports an overflow on its third read, once per open.
        var device = new ScriptedCaptureDevice(openSucceeds: _ => true, readsBeforeLoss: _ => null);
        var logger = new FakeLogger();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var overruns = new MetricCollector<long>(meters, PipelineMetrics.MeterName, "edgesentiment.capture.overruns");
        using var metrics = new PipelineMetrics(meters);
        var sink = new RecordingSink();
        var source = new MicrophoneSource(device, "usb", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40), logger);
        var pipeline = PipelineRunner.Create(source, FakeWindows.BySign, [sink], metrics: metrics, logger: logger);
        using var stop = new CancellationTokenSource();

        var run = pipeline.RunAsync(stop.Token);
        Assert.True(await sink.WaitForAsync(u => u.Window is { Start.TotalSeconds: >= 1 }, Generous), "no windows after the overflow");
        await stop.CancelAsync();
        await run.WaitAsync(Generous);

        Assert.Equal(1, device.Attempts);
        Assert.Equal(1, pipeline.Overruns);
        Assert.Equal(1, metrics.CaptureOverruns);
        Assert.Equal(1, overruns.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, logger.Count(LogEvents.CaptureOverrun));
    }

    [Fact]
    public async Task Run_DeviceLostMidRun_ShowsFaultThenRecoversWithoutStopping()
    {
        // First device dies after 30 reads (3 s), the next two opens fail, the third works for good.
        var device = new ScriptedCaptureDevice(
            openSucceeds: attempt => attempt is 0 or >= 3,
            readsBeforeLoss: attempt => attempt == 0 ? 30 : null);
        var indicator = new RecordingIndicator();
        var sink = new RecordingSink();
        var source = new MicrophoneSource(device, "usb", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40), new FakeLogger());
        var pipeline = PipelineRunner.Create(source, FakeWindows.BySign, [new IndicatorSink(indicator), sink]);
        using var stop = new CancellationTokenSource();

        var run = pipeline.RunAsync(stop.Token);
        Assert.True(await sink.WaitForAsync(u => u.CaptureFault, Generous), "the loss was not reported");
        Assert.True(await sink.WaitForAsync(u => !u.CaptureFault && u.Window is not null && device.Attempts >= 4, Generous), "no audio after recovery");
        await stop.CancelAsync();
        await run.WaitAsync(Generous);

        var patterns = indicator.Patterns;
        // The loss is reported the moment the device fails, so under load it can overtake the
        // windows still in the pipeline from before it: what must hold is the fault, then a mood.
        var fault = IndexOf(patterns, LedPattern.Fault, 0);
        Assert.True(fault >= 0, "the fault was never shown");
        Assert.True(IndexOf(patterns, LedPattern.Positive, fault + 1) > fault, "the mood did not come back after the fault");
    }

    private static int IndexOf(IReadOnlyList<LedPattern> patterns, LedPattern wanted, int from)
    {
        for (var i = from; i < patterns.Count; i++)
        {
            if (patterns[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }
}
