using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Capture.EchoCancellation;
using EdgeSentiment.Device.Capture.PortAudio;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Capture;

/// <summary>
/// An auditorium through the real PortAudio: a two-channel ALSA file device feeds the microphone
/// (the film through a room, and a voice from the seats) and the soundtrack reference.
/// </summary>
[Collection(PortAudioTestGroup.Name)]
public sealed class AuditoriumCaptureTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly AlsaFileDevice _device;

    public AuditoriumCaptureTests(AlsaFileDevice device) => _device = device;

    [Fact]
    public void ListCaptureDevices_AuditoriumDevice_HasTwoChannels()
    {
        using var session = new PortAudioSession();

        var device = session.FindCaptureDevice(AlsaFileDevice.AuditoriumDeviceName);

        Assert.NotNull(device);
        Assert.True(device.MaxInputChannels >= 2, $"{device.MaxInputChannels} input channels");
    }

    [Fact]
    public async Task MicrophoneSource_ReferenceOnChannel2_CancelsTheFilmAndKeepsTheAudience()
    {
        var scene = _device.Auditorium;
        var results = new List<WindowResult>();
        var levels = new List<(TimeSpan Start, float Residual)>();
        var detector = new SpeechDetector(SpeechDetectorSettings.Default, AlsaFileDevice.SampleRate, AlsaFileDevice.SampleRate * 2);
        WindowResult Classify(ReadOnlySpan<float> window, TimeSpan start)
        {
            var speech = detector.Detect(window);
            lock (levels)
            {
                levels.Add((start, speech.LevelDbfs));
            }

            return new WindowResult(start, start + TimeSpan.FromSeconds(2), speech.IsSpeech, new SentimentScores(0, 1, 0), speech.LevelDbfs);
        }

        var sink = new RecordingSink();
        var opener = new PortAudioDeviceOpener(AlsaFileDevice.AuditoriumDeviceName, TimeSpan.FromMilliseconds(100), new CaptureChannels(Microphone: 0, Reference: 1));
        var gate = new ClipGate(opener, scene.Microphone.Length);
        var logger = new FakeLogger();
        var source = new MicrophoneSource(gate, AlsaFileDevice.AuditoriumDeviceName, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), logger, new EchoCancellerSettings());
        var pipeline = new SentimentPipeline(
            source,
            Classify,
            [sink],
            new PipelineSettings { ChunkQueueCapacity = 1000, WindowQueueCapacity = 1000, ResultQueueCapacity = 1000, SinkQueueCapacity = 1000 },
            new PipelineMetrics(),
            new PipelineHeartbeat(TimeProvider.System),
            TimeProvider.System,
            logger);
        using var stop = new CancellationTokenSource();
        var run = pipeline.RunAsync(stop.Token);
        Assert.True(await sink.WaitForAsync(u => u.Window is { Start.TotalSeconds: >= 17 }, Generous), "the scene's windows did not arrive");
        await stop.CancelAsync();
        await run.WaitAsync(Generous);
        foreach (var update in sink.Updates)
        {
            if (update.Window is { } window)
            {
                results.Add(window);
            }
        }

        // Once the canceller has learned the room (after 4 s), a window of the film alone is far
        // quieter than the film at the microphone. Every one of them is speech at the microphone;
        // after cancelling and the film gate, few are taken for the audience.
        var filmOnly = results.FindAll(r => r.Start.TotalSeconds >= 4 && (r.End <= AuditoriumScene.AudienceStart || r.Start >= AuditoriumScene.AudienceEnd) && r.End.TotalSeconds <= 19);
        Assert.True(filmOnly.Count >= 10, $"only {filmOnly.Count} windows of the film alone");
        var takenForAudience = 0;
        foreach (var window in filmOnly)
        {
            var at = (int)(window.Start.TotalSeconds * AlsaFileDevice.SampleRate);
            var microphone = scene.Microphone.AsSpan(at, AlsaFileDevice.SampleRate * 2);
            Assert.True(detector.Detect(microphone).IsSpeech, $"the film at the microphone at {window.Start.TotalSeconds} s is not speech");
            Assert.True(Level(microphone) - window.LevelDbfs >= 10, $"the window at {window.Start.TotalSeconds} s is only {Level(microphone) - window.LevelDbfs:F1} dB below the microphone");
            takenForAudience += window.IsAudienceSpeech ? 1 : 0;
        }

        Assert.True(takenForAudience * 5 <= filmOnly.Count, $"{takenForAudience} of {filmOnly.Count} windows of the film alone were taken for the audience");

        // While the voice speaks, it is heard as the audience.
        var audience = results.FindAll(r => r.Start >= AuditoriumScene.AudienceStart && r.End <= AuditoriumScene.AudienceEnd);
        Assert.NotEmpty(audience);
        Assert.Contains(audience, r => r.IsAudienceSpeech);
        Assert.Equal(1, gate.Opens);
        logger.AssertNoErrors();
    }

    private static float Level(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        return (float)(10 * Math.Log10(Math.Max(sum / samples.Length, 1e-20)));
    }
}
