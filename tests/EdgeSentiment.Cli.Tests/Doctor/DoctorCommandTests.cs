using System.Runtime.Versioning;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

[UnsupportedOSPlatform("windows")]
public sealed class DoctorCommandTests : IDisposable
{
    private readonly DoctorFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AHealthyConfiguration_ExitsZero_AndDecryptsTheDatabase()
    {
        var keyId = _folder.WriteKey();
        _folder.CreateDatabase(_folder.KeyPath);
        var before = File.ReadAllBytes(_folder.DatabasePath);

        var run = _folder.Doctor();

        var report = DoctorReport.Parse(run.Out);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Out);
        Assert.Equal(before, File.ReadAllBytes(_folder.DatabasePath));
        Assert.Equal(0, report.Failed);
        Assert.Equal("PASS", report["key"].Status);
        Assert.Equal("PASS", report["database"].Status);
        Assert.Contains($"key {keyId} decrypts it", report["database"].Finding, StringComparison.Ordinal);
        Assert.Equal("PASS", report["model"].Status);
        Assert.Equal("PASS", report["audio"].Status);
    }

    [Fact]
    public void NoAgentRunning_IsAWarning_WithHowToStartIt()
    {
        _folder.WriteKey();

        var report = DoctorReport.Parse(_folder.Doctor().Out);

        Assert.Equal("WARN", report["agent"].Status);
        Assert.Contains($"the agent is not running: no control socket at {_folder.NoAgentSocket}", report["agent"].Finding, StringComparison.Ordinal);
        Assert.Contains("sudo systemctl start edgesentiment", report["agent"].Fix, StringComparison.Ordinal);
        Assert.Contains("scripts/run", report["agent"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorldReadableKey_Fails_WithTheChmodFix_AndExitsOne()
    {
        _folder.WriteKey();
        File.SetUnixFileMode(_folder.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = _folder.Doctor();

        var report = DoctorReport.Parse(run.Out);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("FAIL", report["key"].Status);
        Assert.Equal($"chmod 600 {_folder.KeyPath}", report["key"].Fix);
        Assert.True(report.Failed >= 1);
    }

    [Fact]
    public void AMissingModel_Fails()
    {
        _folder.WriteKey();
        var model = _folder.PathOf("models/gone.onnx");
        _folder.Settings("10-model.json", new { Pipeline = new { Model = model } });

        var run = _folder.Doctor();

        var report = DoctorReport.Parse(run.Out);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("FAIL", report["model"].Status);
        Assert.Contains(model, report["model"].Finding, StringComparison.Ordinal);
        Assert.Contains("Pipeline:Model", report["model"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void ADatabaseWrittenWithAnotherKey_Fails_AndIsLeftAsItWas()
    {
        var original = _folder.PathOf("original.key");
        _folder.WriteKey(original);
        _folder.CreateDatabase(original);
        _folder.WriteKey();
        var before = File.ReadAllBytes(_folder.DatabasePath);

        var run = _folder.Doctor();

        var report = DoctorReport.Parse(run.Out);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("FAIL", report["database"].Status);
        Assert.Contains("is not the key the result database", report["database"].Finding, StringComparison.Ordinal);
        Assert.Contains("restore the key file", report["database"].Fix, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_folder.DatabasePath));
    }

    [Fact]
    public void ADatabaseHeldByAnotherProcess_IsNotOpened_AndThatProcessIsNamed()
    {
        _folder.WriteKey();
        using var key = StoreKeyFile.Load(_folder.KeyPath);
        using var holder = LiteDbResultStore.Open(
            new StoreOptions { DatabasePath = _folder.DatabasePath, KeyFile = _folder.KeyPath }, key, _folder.KeyPath, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeProvider.System);

        var run = _folder.Doctor();

        // This test process holds the lock; it is not the agent, so it is a warning that names it.
        var report = DoctorReport.Parse(run.Out);
        Assert.Equal("WARN", report["database"].Status);
        Assert.Contains($"pid {Environment.ProcessId}", report["database"].Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBroker_RunningWithTls_Passes_AndStopped_FailsWithTheFix()
    {
        _folder.WriteKey();
        using var certificates = new TestCertificates();
        using var broker = new MosquittoBroker(certificates.CaFile, certificates.Server);
        _folder.Settings("10-mqtt.json", new { Mqtt = new { Enabled = true, Host = "127.0.0.1", broker.Port, CaFile = certificates.CaFile, TimeoutSeconds = 3 } });

        var running = DoctorReport.Parse(_folder.Doctor().Out);
        broker.Stop();
        var stopped = _folder.Doctor();

        Assert.Equal("PASS", running["broker"].Status);
        Assert.Contains($"127.0.0.1:{broker.Port} accepts the device over TLS", running["broker"].Finding, StringComparison.Ordinal);
        var report = DoctorReport.Parse(stopped.Out);
        Assert.Equal(ExitCodes.Failed, stopped.ExitCode);
        Assert.Equal("FAIL", report["broker"].Status);
        Assert.Contains("connection refused", report["broker"].Finding, StringComparison.Ordinal);
        Assert.Contains("start the broker", report["broker"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokerWithACertificateFromAnotherCa_FailsAsACertificateError()
    {
        _folder.WriteKey();
        using var certificates = new TestCertificates();
        using var broker = new MosquittoBroker(certificates.CaFile, certificates.OtherCaServer);
        _folder.Settings("10-mqtt.json", new { Mqtt = new { Enabled = true, Host = "127.0.0.1", broker.Port, CaFile = certificates.CaFile, TimeoutSeconds = 3 } });

        var report = DoctorReport.Parse(_folder.Doctor().Out);

        Assert.Equal("FAIL", report["broker"].Status);
        Assert.Contains("certificate refused", report["broker"].Finding, StringComparison.Ordinal);
        Assert.Contains("not issued by the CA in Mqtt:CaFile", report["broker"].Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokerThatRequiresAClientCertificate_WithoutOne_Fails_AndWithOne_Passes()
    {
        _folder.WriteKey();
        using var certificates = new TestCertificates();
        using var broker = new MosquittoBroker(certificates.CaFile, certificates.Server, requireCertificate: true);
        _folder.Settings("10-mqtt.json", new { Mqtt = new { Enabled = true, Host = "127.0.0.1", broker.Port, CaFile = certificates.CaFile, TimeoutSeconds = 3 } });

        var without = DoctorReport.Parse(_folder.Doctor().Out);
        _folder.Settings("20-client.json", new { Mqtt = new { ClientCertificateFile = certificates.Client.CertFile, ClientKeyFile = certificates.Client.KeyFile } });
        var with = DoctorReport.Parse(_folder.Doctor().Out);

        Assert.Equal("FAIL", without["broker"].Status);
        Assert.True(without["broker"].Fix!.Contains("Mqtt:ClientCertificateFile", StringComparison.Ordinal), without["broker"].Finding + " / " + without["broker"].Fix);
        Assert.True(with["broker"].Status == "PASS", with["broker"].Finding);
    }

    [Fact]
    public void ABrokerWithAccounts_RefusesAWrongPassword_AsALogin_AndTakesTheRightOne()
    {
        _folder.WriteKey();
        using var certificates = new TestCertificates();
        using var broker = new MosquittoBroker(certificates.CaFile, certificates.Server, account: ("booth-7", "right-password"));
        var credentials = _folder.Write("mqtt.credentials", "booth-7\nwrong-password\n");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _folder.Settings("10-mqtt.json", new { Mqtt = new { Enabled = true, Host = "127.0.0.1", broker.Port, CaFile = certificates.CaFile, CredentialsFile = credentials, TimeoutSeconds = 3 } });

        var wrong = _folder.Doctor();
        File.WriteAllText(credentials, "booth-7\nright-password\n");
        var right = DoctorReport.Parse(_folder.Doctor().Out);

        var report = DoctorReport.Parse(wrong.Out);
        Assert.Equal(ExitCodes.Failed, wrong.ExitCode);
        Assert.Equal("FAIL", report["broker"].Status);
        Assert.True(report["broker"].Finding.Contains("refused the login", StringComparison.Ordinal), report["broker"].Finding);
        Assert.Contains("Mqtt:CredentialsFile", report["broker"].Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", wrong.Out, StringComparison.Ordinal);
        Assert.True(right["broker"].Status == "PASS", right["broker"].Finding);
    }

    [Fact]
    public void TlsToAPlainListener_FailsAsATlsError()
    {
        _folder.WriteKey();
        using var certificates = new TestCertificates();
        using var broker = new MosquittoBroker(caFile: null, serverCertificate: null);
        _folder.Settings("10-mqtt.json", new { Mqtt = new { Enabled = true, Host = "127.0.0.1", broker.Port, CaFile = certificates.CaFile, TimeoutSeconds = 3 } });

        var report = DoctorReport.Parse(_folder.Doctor().Out);

        Assert.Equal("FAIL", report["broker"].Status);
        Assert.True(report["broker"].Finding.Contains("TLS handshake", StringComparison.Ordinal), report["broker"].Finding);
        Assert.Contains("listens with TLS", report["broker"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void PipedOutput_HasNoEscapeCodes_AndSaysWhatToDo()
    {
        var run = CliRun.Of("doctor", "--config-dir", _folder.ConfigDirectory, "--socket", _folder.NoAgentSocket);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Contains("FAIL  key", run.Out, StringComparison.Ordinal);
        Assert.Contains($"fix: edgesentiment key generate --out {_folder.KeyPath}", run.Out, StringComparison.Ordinal);
    }
}
