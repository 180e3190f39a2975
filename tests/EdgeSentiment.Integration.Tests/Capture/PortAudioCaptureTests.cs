using EdgeSentiment.Agent.Capture;
using EdgeSentiment.Agent.Capture.PortAudio;
using EdgeSentiment.Agent.Pipeline;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Tests.Fakes;

namespace EdgeSentiment.Integration.Tests.Capture;

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
    public async Task MicrophoneSource_FileDevice_DeliversTheClipBitExactAndInOrder()
    {
        // The file device is not paced (its null slave is always full), so PortAudio's ALSA layer
        // recovers from an overflow on most reads and skips a period; it does not report that through
        // Pa_ReadStream. What must hold: every read is the clip's own samples, converted exactly, in order.
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

        var pipeline = Pipeline(AlsaFileDevice.DeviceName, Record, sink, out _);
        using var stop = new CancellationTokenSource();
        var run = pipeline.RunAsync(stop.Token);
        Assert.True(await sink.WaitForAsync(u => u.Window is { Start.TotalSeconds: >= 6 }, Generous), "six seconds of windows did not arrive");
        await stop.CancelAsync();
        await run.WaitAsync(Generous);

        List<int> found;
        lock (blocks)
        {
            found = [.. blocks];
        }

        Assert.True(found.Count >= 13 * 5);
        Assert.DoesNotContain(-1, found);
        for (var i = 1; i < found.Count; i++)
        {
            var step = (found[i] - found[i - 1] + clip.Length) % clip.Length;
            Assert.True(step >= 1600, $"read {i} moved back or overlapped: {found[i - 1]} then {found[i]}");
        }
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
        var pipeline = Pipeline(name, Level, sink, out var logger);
        using var stop = new CancellationTokenSource();

        var run = pipeline.RunAsync(stop.Token);
        Assert.True(await sink.WaitForAsync(u => u.CaptureFault, Generous), "the missing device was not reported");
        _device.PlugIn(name);
        Assert.True(await sink.WaitForAsync(u => u.Window is not null && !u.CaptureFault, Generous), "no audio after the device appeared");
        await stop.CancelAsync();
        await run.WaitAsync(Generous);

        Assert.Equal(1, logger.Count(101));
        Assert.Equal(1, logger.Count(103));
    }

    private static SentimentPipeline Pipeline(string device, ClassifyWindow classify, RecordingSink sink, out ListLogger logger)
    {
        logger = new ListLogger();
        var source = new MicrophoneSource(
            new PortAudioDeviceOpener(device, TimeSpan.FromMilliseconds(100)),
            device,
            TimeSpan.FromMilliseconds(200),
            TimeSpan.FromSeconds(1),
            logger);
        return new SentimentPipeline(
            source,
            classify,
            [sink],
            // The null slave is not paced: the device delivers as fast as we read, so queues must hold it all.
            new PipelineSettings { ChunkQueueCapacity = 100_000, WindowQueueCapacity = 100_000, ResultQueueCapacity = 100_000, SinkQueueCapacity = 100_000 },
            new PipelineMetrics(),
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
