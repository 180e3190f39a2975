using EdgeSentiment.Cli.Tests.Capture;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

[Collection(PortAudioTestGroup.Name)]
public sealed class DoctorMicrophoneTests : IDisposable
{
    private readonly DoctorFolder _folder = new();

    public DoctorMicrophoneTests(AlsaFileDevice device) => _ = device;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AMicrophoneThroughPortAudio_IsListenedTo_AndItsLevelReported()
    {
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = AlsaFileDevice.DeviceName } });

        var report = DoctorReport.Parse(_folder.Doctor().Out);

        // The test clip is loud tones without a pause, as a film's mix is: heard, and warned about with no reference set.
        var (status, finding, fix) = report["audio"];
        Assert.True(status == "WARN", finding);
        Assert.Contains($"'{AlsaFileDevice.DeviceName}' hears a loud continuous programme (", finding, StringComparison.Ordinal);
        Assert.Contains("dBFS RMS", finding, StringComparison.Ordinal);
        Assert.Contains("Capture:ReferenceChannel", fix, StringComparison.Ordinal);
    }

    [Fact]
    public void AMicrophoneWithAReferenceThroughPortAudio_ReportsTheLevelOfEachChannel()
    {
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = AlsaFileDevice.AuditoriumDeviceName, MicrophoneChannel = 1, ReferenceChannel = 2 } });

        var report = DoctorReport.Parse(_folder.Doctor().Out);

        var (status, finding, _) = report["audio"];
        Assert.True(status == "PASS", finding);
        Assert.Contains("microphone on channel 1 hears", finding, StringComparison.Ordinal);
        Assert.Contains("soundtrack reference on channel 2", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void AReferenceChannelThatCarriesNothing_Warns()
    {
        // ALSA's plug device offers more channels than the two its file holds; the third delivers zeros.
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = AlsaFileDevice.AuditoriumDeviceName, MicrophoneChannel = 1, ReferenceChannel = 3 } });

        var report = DoctorReport.Parse(_folder.Doctor().Out);

        var (status, finding, _) = report["audio"];
        Assert.True(status == "WARN", finding);
        Assert.Contains("soundtrack reference on channel 3 -inf dBFS RMS", finding, StringComparison.Ordinal);
        Assert.Contains("not connected", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void AMicrophoneThatIsNotThere_Fails_PointingAtTheDevicesCommand()
    {
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = "no-such-microphone" } });

        var report = DoctorReport.Parse(_folder.Doctor().Out);

        Assert.Equal("FAIL", report["audio"].Status);
        Assert.Contains("'no-such-microphone'", report["audio"].Finding, StringComparison.Ordinal);
        Assert.Contains("edgesentiment devices", report["audio"].Fix, StringComparison.Ordinal);
    }
}
