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

        var (status, finding, _) = report["audio"];
        Assert.True(status == "PASS", finding);
        Assert.Contains($"'{AlsaFileDevice.DeviceName}' hears", finding, StringComparison.Ordinal);
        Assert.Contains("dBFS RMS", finding, StringComparison.Ordinal);
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
