using System.Runtime.Versioning;
using EdgeSentiment.Cli.Doctor;
using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Cli.Tests.Doctor;

[UnsupportedOSPlatform("windows")]
public sealed class StoreChecksTests : IDisposable
{
    private readonly DoctorBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Key_OwnerOnly_Passes_WithItsId()
    {
        using var key = StoreKey.Generate();
        StoreKeyFile.Write(_bed.KeyPath, key);

        var result = await _bed.RunAsync(new KeyFileCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains(key.Id, result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_ReadableByOthers_FailsWithChmod()
    {
        using var key = StoreKey.Generate();
        StoreKeyFile.Write(_bed.KeyPath, key);
        File.SetUnixFileMode(_bed.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await _bed.RunAsync(new KeyFileCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("mode 0644", result.Finding, StringComparison.Ordinal);
        Assert.Equal($"chmod 600 {_bed.KeyPath}", result.Fix);
    }

    [Fact]
    public async Task Key_Missing_FailsWithKeyGenerate()
    {
        var result = await _bed.RunAsync(new KeyFileCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.StartsWith($"edgesentiment key generate --out {_bed.KeyPath}", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_HeldByTheRunningAgent_PassesWithItsPid_WithoutOpeningIt()
    {
        _bed.Holder = new LockHolder(4242, "/opt/edgesentiment/edgesentiment-agent");

        var result = await _bed.RunAsync(new DatabaseCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("held by the running agent (pid 4242)", result.Finding, StringComparison.Ordinal);
        Assert.False(File.Exists(_bed.DatabasePath));
    }

    [Fact]
    public async Task Database_HeldByAnAgentThatUsesAnotherKey_WarnsBeforeTheNextStartRefusesIt()
    {
        using var key = StoreKey.Generate();
        StoreKeyFile.Write(_bed.KeyPath, key);
        _bed.Holder = new LockHolder(4242, "/opt/edgesentiment/edgesentiment-agent");
        var context = _bed.Context();
        context.AgentStatus = new AgentStatusSnapshot(4242, null, null, StoreKeyId: "0ld0ld00");

        var result = await new DatabaseCheck().RunAsync(context, CancellationToken.None);

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains($"the agent uses key 0ld0ld00 but {_bed.KeyPath} holds key {key.Id}", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_HeldByTheProcessWhosePidTheAgentGave_IsTheAgents()
    {
        // An agent started another way (dotnet run, a test host) is known by the pid in its status.
        _bed.Holder = new LockHolder(4242, "dotnet exec some-host.dll");
        var context = _bed.Context();
        context.AgentStatus = new AgentStatusSnapshot(4242, null, null, StoreKeyId: null);

        var result = await new DatabaseCheck().RunAsync(context, CancellationToken.None);

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("held by the running agent (pid 4242)", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_HeldByAnotherProcess_Warns()
    {
        _bed.Holder = new LockHolder(77, "edgesentiment export --format csv");

        var result = await _bed.RunAsync(new DatabaseCheck());

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("pid 77", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_NotThereYet_Warns_AndIsNotCreated()
    {
        using var key = StoreKey.Generate();
        StoreKeyFile.Write(_bed.KeyPath, key);

        var result = await _bed.RunAsync(new DatabaseCheck());

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.False(File.Exists(_bed.DatabasePath));
        Assert.False(File.Exists(_bed.DatabasePath + ".lock"));
    }
}
