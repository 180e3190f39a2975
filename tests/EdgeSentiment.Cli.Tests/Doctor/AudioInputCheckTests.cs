using EdgeSentiment.Cli.Doctor;
using EdgeSentiment.Cli.Tests.Fakes;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

public sealed class AudioInputCheckTests : IDisposable
{
    private readonly DoctorBed _bed = new();

    public AudioInputCheckTests() => _bed.Settings("10-capture.json", new { Capture = new { Source = "Microphone", Device = "USB" } });

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task AMicrophoneThatHearsSomething_Passes_WithItsLevel()
    {
        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("'USB Audio Device' hears -23.0 dBFS RMS", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoMatchingDevice_Fails_PointingAtTheDevicesCommand()
    {
        _bed.Audio = new FakeAudioInputProbe { DeviceName = null };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("Capture:Device 'USB'", result.Finding, StringComparison.Ordinal);
        Assert.Contains("edgesentiment devices", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyZeros_Fails_AsMuted()
    {
        _bed.Audio = new FakeAudioInputProbe { Samples = new float[16_000] };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("alsamixer", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlmostSilent_Warns()
    {
        _bed.Audio = new FakeAudioInputProbe { Samples = Signals.Noise(1, rms: 0.0001) };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("nearly silent", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldByTheRunningAgent_SaysSoInsteadOfFailing()
    {
        _bed.Audio = new FakeAudioInputProbe { OpenFailure = "Pa_OpenStream failed: Device unavailable" };
        _bed.Holder = new LockHolder(4242, "/opt/edgesentiment/edgesentiment-agent");

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("in use by the running agent (pid 4242)", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WouldNotOpen_WithoutTheAgent_Fails()
    {
        _bed.Audio = new FakeAudioInputProbe { OpenFailure = "Pa_OpenStream failed: Device unavailable" };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("Device unavailable", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileSourceThatReads_Passes()
    {
        var wav = Path.Combine(_bed.Folder, "speech.wav");
        TestWav.WritePcm16(wav, Signals.Sine(220, 2, amplitude: 0.2));
        _bed.Settings("20-file.json", new { Capture = new { Source = "File", File = wav } });

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("2.0 s", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileSourceThatIsNotAWav_Fails()
    {
        var wav = Path.Combine(_bed.Folder, "speech.wav");
        File.WriteAllText(wav, "not audio");
        _bed.Settings("20-file.json", new { Capture = new { Source = "File", File = wav } });

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("Capture:File", result.Fix, StringComparison.Ordinal);
    }
}
