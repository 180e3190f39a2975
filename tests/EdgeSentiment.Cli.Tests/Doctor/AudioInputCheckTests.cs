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
        Assert.Contains("'USB Audio Device' hears -26.0 dBFS RMS", result.Finding, StringComparison.Ordinal);
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
        TestWav.WritePcm16(wav, Signals.Bursts(220, 2, onSeconds: 0.3, amplitude: 0.2));
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

    [Fact]
    public async Task Listen_LoudContinuousProgrammeWithoutAReference_WarnsThatTheFilmIsScoredAsTheAudience()
    {
        _bed.Audio = new FakeAudioInputProbe { Samples = Signals.Noise(1, rms: 0.1) };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("loud continuous programme (-20.0 dBFS RMS, 100 % of 100 ms blocks above -30.0 dBFS)", result.Finding, StringComparison.Ordinal);
        Assert.Contains("film's own dialogue as the audience", result.Finding, StringComparison.Ordinal);
        Assert.Contains("Capture:ReferenceChannel", result.Fix, StringComparison.Ordinal);
        Assert.Contains("docs/auditorium.md", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_LoudSpeechWithPauses_Passes()
    {
        _bed.Audio = new FakeAudioInputProbe { Samples = Signals.Bursts(300, 1, onSeconds: 0.3, amplitude: 0.3) };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
    }

    [Theory]
    [InlineData("screening.wav")]
    [InlineData("negative-angry.wav")]
    [InlineData("positive-happy.wav")]
    [InlineData("neutral.wav")]
    public async Task CheckFile_TheSampleRecordings_Pass(string sample)
    {
        _bed.Settings("20-file.json", new { Capture = new { Source = "File", File = RepositoryPaths.Sample(sample) } });

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
    }

    [Fact]
    public async Task CheckFile_ALoudContinuousRecordingWithoutAReference_Warns()
    {
        var wav = Path.Combine(_bed.Folder, "film.wav");
        TestWav.WritePcm16(wav, Signals.Noise(3, rms: 0.1));
        _bed.Settings("20-file.json", new { Capture = new { Source = "File", File = wav } });

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("loud continuous programme", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenWithReference_BothChannelsHeard_PassesNamingEachChannelAndItsLevel()
    {
        _bed.Settings("20-reference.json", new { Capture = new { MicrophoneChannel = 1, ReferenceChannel = 2 } });
        _bed.Audio = new FakeAudioInputProbe { Samples = Signals.Noise(1, rms: 0.1), ReferenceSamples = Signals.Noise(1, rms: 0.01) };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("microphone on channel 1 hears -20.0 dBFS RMS, soundtrack reference on channel 2 -40.0 dBFS RMS", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenWithReference_SilentReference_WarnsThatTheFeedIsNotConnected()
    {
        _bed.Settings("20-reference.json", new { Capture = new { MicrophoneChannel = 1, ReferenceChannel = 2 } });
        _bed.Audio = new FakeAudioInputProbe { ReferenceSamples = Signals.Noise(1, rms: 0.0001) };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("soundtrack reference on channel 2 -80.0 dBFS RMS", result.Finding, StringComparison.Ordinal);
        Assert.Contains("not connected", result.Finding, StringComparison.Ordinal);
        Assert.Contains("input 2", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenWithReference_ReferenceOnADeviceOfItsOwn_HearsEachOnItsDevice()
    {
        _bed.Settings("20-reference.json", new { Capture = new { MicrophoneChannel = 1, ReferenceChannel = 1, ReferenceDevice = "processor" } });
        _bed.Audio = new FakeAudioInputProbe { Channels = 1, Samples = Signals.Noise(1, rms: 0.1), ReferenceSamples = Signals.Noise(1, rms: 0.01) };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("soundtrack reference on channel 1 of 'USB Audio Device' (Capture:ReferenceDevice, its clock followed) -40.0 dBFS RMS", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenWithReference_ReferenceDeviceWithTooFewChannels_FailsNamingTheReferenceDevice()
    {
        _bed.Settings("20-reference.json", new { Capture = new { MicrophoneChannel = 1, ReferenceChannel = 3, ReferenceDevice = "processor" } });
        _bed.Audio = new FakeAudioInputProbe { Channels = 2 };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("(Capture:ReferenceDevice) has 2 input channel(s)", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenWithReference_DeviceWithTooFewChannels_FailsNamingWhatIsNeeded()
    {
        _bed.Settings("20-reference.json", new { Capture = new { MicrophoneChannel = 1, ReferenceChannel = 3 } });
        _bed.Audio = new FakeAudioInputProbe { Channels = 2 };

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("'USB Audio Device' has 2 input channel(s)", result.Finding, StringComparison.Ordinal);
        Assert.Contains("reference on channel 3 (Capture:ReferenceChannel) need 3", result.Finding, StringComparison.Ordinal);
        Assert.Contains("Capture:ReferenceChannel", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckFile_MonoRecordingWithAReference_FailsNamingWhatIsNeeded()
    {
        var wav = Path.Combine(_bed.Folder, "mono.wav");
        TestWav.WritePcm16(wav, Signals.Bursts(220, 1, onSeconds: 0.3, amplitude: 0.2));
        _bed.Settings("20-file.json", new { Capture = new { Source = "File", File = wav, ReferenceChannel = 2 } });

        var result = await _bed.RunAsync(new AudioInputCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("has 1 channel(s)", result.Finding, StringComparison.Ordinal);
        Assert.Contains("Capture:ReferenceChannel", result.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("screening.wav", 0.11)]
    [InlineData("negative-angry.wav", 0.48)]
    [InlineData("positive-happy.wav", 0.39)]
    [InlineData("neutral.wav", 0.0)]
    public void Measure_TheSampleRecordings_HaveTheLoudShareTheThresholdWasChosenOn(string sample, double share)
    {
        var audio = EdgeSentiment.Core.Audio.AudioLoader.LoadMono(RepositoryPaths.Sample(sample));

        var level = AudioLevel.Measure(audio.Samples, audio.SampleRate);

        Assert.Equal(share, level.LoudBlockShare, 2);
        Assert.False(level.IsLoudProgramme);
    }
}
