using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Capture.PortAudio;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Capture;

[Collection(PortAudioTestGroup.Name)]
public sealed class PortAudioCaptureTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly AlsaFileDevice _device;

    public PortAudioCaptureTests(AlsaFileDevice device) => _device = device;

    [Fact]
    public void ListCaptureDevices_FileDevice_IsListedAndFoundByNameOrSubstring()
    {
        using var session = new PortAudioSession();

        var devices = session.ListCaptureDevices();

        Assert.Contains(devices, d => d.Name == AlsaFileDevice.DeviceName && d.MaxInputChannels >= 1);
        Assert.Equal(AlsaFileDevice.DeviceName, session.FindCaptureDevice(AlsaFileDevice.DeviceName)?.Name);
        Assert.Null(session.FindCaptureDevice("no-such-microphone"));
    }

    [Fact]
    public async Task MicrophoneSource_FileDevice_DeliversEveryFrameOfTheClipBitExactAndInOrder()
    {
        // Every read must be the clip's next 1600 samples: no skipped period, no repeat. With the
        // samples stored as S16, alsa-lib's conversion to float skipped a period on every refill.
        var blocks = new List<int>();
        var clip = _device.ClipAsFloat();
        var sink = new RecordingSink();
        WindowResult Record(ReadOnlySpan<float> window, TimeSpan start)
        {
            lock (blocks)
            {
                // The newest hop is the audio that arrived since the last window: five device reads.
                for (var read = window.Length - 8000; read < window.Length; read += 1600)
                {
                    blocks.Add(FindBlock(clip, window.Slice(read, 1600)));
                }
            }

            return Level(window, start);
        }

        var gate = new ClipGate(new PortAudioDeviceOpener(AlsaFileDevice.DeviceName, TimeSpan.FromMilliseconds(100)), clip.Length);
        var metrics = new PipelineMetrics();
        var pipeline = Pipeline(gate, AlsaFileDevice.DeviceName, Record, sink, metrics, out var logger);
        using var stop = new CancellationTokenSource();
        var run = pipeline.RunAsync(stop.Token);
        // 12 s of clip: windows start every 0.5 s up to 10 s.
        Assert.True(await sink.WaitForAsync(u => u.Window is { Start.TotalSeconds: >= 10 }, Generous), "the clip's windows did not arrive");
        await stop.CancelAsync();
        await run.WaitAsync(Generous);

        List<int> found;
        lock (blocks)
        {
            found = [.. blocks];
        }

        // The first window holds reads 0-19 and its newest hop reads 15-19; each later window adds
        // five reads, up to the window at 10 s whose last read ends the clip (quiet follows).
        Assert.Equal(1, gate.Opens);
        Assert.Equal(0, metrics.DroppedChunks + metrics.DroppedWindows);
        Assert.True(found.Count >= 21 * 5, $"only {found.Count} reads were checked");
        for (var i = 0; i < 21 * 5; i++)
        {
            Assert.True((15 + i) * 1600 == found[i], $"read {15 + i} was the clip's samples from {found[i]}, not from {(15 + i) * 1600}");
        }

        Assert.Equal(0, logger.Count(LogEvents.SourceCrashed));
    }

    /// <summary>Where in the clip (or -1) <paramref name="samples"/> occur exactly, at a 1600-sample read boundary.</summary>
    private static int FindBlock(float[] clip, ReadOnlySpan<float> samples)
    {
        for (var offset = 0; offset + samples.Length <= clip.Length; offset += 1600)
        {
            if (clip.AsSpan(offset, samples.Length).SequenceEqual(samples))
            {
                return offset;
            }
        }

        return -1;
    }

    [Fact]
    public async Task MicrophoneSource_DeviceMissingAtStart_ReportsTheFaultAndPicksUpTheDeviceWhenPluggedIn()
    {
        var sink = new RecordingSink();
        var name = $"{AlsaFileDevice.LateDeviceName}-{Guid.NewGuid():N}"[..30];
        var gate = new ClipGate(new PortAudioDeviceOpener(name, TimeSpan.FromMilliseconds(100)), _device.Clip.Length);
        var pipeline = Pipeline(gate, name, Level, sink, new PipelineMetrics(), out var logger);
        using var stop = new CancellationTokenSource();

        var run = pipeline.RunAsync(stop.Token);
        Assert.True(await sink.WaitForAsync(u => u.CaptureFault, Generous), "the missing device was not reported");
        _device.PlugIn(name);
        Assert.True(await sink.WaitForAsync(u => u.Window is not null && !u.CaptureFault, Generous), "no audio after the device appeared");
        await stop.CancelAsync();
        await run.WaitAsync(Generous);

        Assert.Equal(1, logger.Count(LogEvents.CaptureFailed));
        Assert.Equal(1, logger.Count(LogEvents.CaptureRecovered));
    }

    private static SentimentPipeline Pipeline(ClipGate gate, string device, ClassifyWindow classify, RecordingSink sink, PipelineMetrics metrics, out FakeLogger logger)
    {
        logger = new FakeLogger();
        var source = new MicrophoneSource(gate, device, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), logger);
        return new SentimentPipeline(
            source,
            classify,
            [sink],
            // The unpaced device delivers the whole clip at once: the queues hold all of it, so nothing is dropped.
            new PipelineSettings { ChunkQueueCapacity = 1000, WindowQueueCapacity = 1000, ResultQueueCapacity = 1000, SinkQueueCapacity = 1000 },
            metrics,
            new PipelineHeartbeat(TimeProvider.System),
            TimeProvider.System,
            logger);
    }

    private static WindowResult Level(ReadOnlySpan<float> window, TimeSpan start)
    {
        double sum = 0;
        foreach (var sample in window)
        {
            sum += (double)sample * sample;
        }

        var level = (float)(10 * Math.Log10(Math.Max(sum / window.Length, 1e-20)));
        return new WindowResult(start, start + TimeSpan.FromSeconds(2), true, new SentimentScores(0, 1, 0), level);
    }
}
