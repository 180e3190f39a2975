using System.Security.Cryptography;
using EdgeSentiment.Cli.Tests.Doctor;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Storage;

// A store that cannot be read is a fault everywhere: the agent does not start, export fails, doctor says what to do.
public sealed class DamagedStoreTests : IDisposable
{
    private readonly DoctorFolder _folder = new();
    private readonly StoreTestBed _bed;

    public DamagedStoreTests()
    {
        _bed = new StoreTestBed(_folder.PathOf("state"));
        StoreDamage.Seed(_bed);
        _folder.Settings("10-store.json", new { Store = new { _bed.DatabasePath, KeyFile = _bed.KeyPath } });
    }

    public void Dispose()
    {
        _bed.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(StoreDamage.FlippedHeader)]
    [InlineData(StoreDamage.CutToHalf)]
    [InlineData(StoreDamage.TailCut)]
    public async Task Agent_DamagedStore_OneLineAndExit78(string damage)
    {
        StoreDamage.Apply(damage, _bed.DatabasePath);
        var agent = RepositoryPaths.Built("src/EdgeSentiment.Agent", "edgesentiment-agent.dll");

        var run = await ProcessRun.OfAsync(
            ProcessRun.Dotnet,
            [agent, "--Control:Enabled", "false"],
            new Dictionary<string, string> { ["CONFIGURATION_DIRECTORY"] = _folder.ConfigDirectory });

        Assert.Equal(78, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: result store: {_bed.DatabasePath} is damaged: ", line, StringComparison.Ordinal);
        Assert.EndsWith(StoreFileCheck.Remedy, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreDamage.FlippedHeader)]
    [InlineData(StoreDamage.CutToHalf)]
    [InlineData(StoreDamage.TailCut)]
    public void ExportDatabase_DamagedStore_OneLineAndFails(string damage)
    {
        StoreDamage.Apply(damage, _bed.DatabasePath);

        var run = CliRun.Of("export", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {_bed.DatabasePath} is damaged: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportDatabase_DataPagesDamaged_FailsInsteadOfAnEmptyExport()
    {
        StoreDamage.BreakDataPages(_bed.DatabasePath);

        var run = CliRun.Of("export", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("could not be read to the end, so the export is incomplete", run.Error, StringComparison.Ordinal);
    }

    // An export or a doctor run is how a technician looks at a damaged store: the file is the evidence,
    // and LiteDB opened read-write marks a file it fails to read in its header.
    [Theory]
    [InlineData(StoreDamage.FlippedHeader)]
    [InlineData(StoreDamage.CutToHalf)]
    [InlineData(StoreDamage.TailCut)]
    [InlineData("data pages")]
    [InlineData("none")]
    public void ExportDatabase_AnyStore_LeavesItsBytesAsTheyWere(string damage)
    {
        Damage(damage);
        var before = Hash(_bed.DatabasePath);

        var run = CliRun.Of("export", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.Equal(before, Hash(_bed.DatabasePath));
        Assert.Equal(damage == "none" ? ExitCodes.Ok : ExitCodes.Failed, run.ExitCode);
        if (damage is not "none" and not "data pages")
        {
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"error: {_bed.DatabasePath} is damaged: ", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("data pages")]
    [InlineData("none")]
    public void Doctor_AnyStore_LeavesItsBytesAsTheyWere(string damage)
    {
        Damage(damage);
        var before = Hash(_bed.DatabasePath);

        _folder.Doctor();

        Assert.Equal(before, Hash(_bed.DatabasePath));
    }

    [Theory]
    [InlineData(StoreDamage.FlippedHeader)]
    [InlineData(StoreDamage.CutToHalf)]
    [InlineData(StoreDamage.TailCut)]
    [InlineData("data pages")]
    public void Doctor_DamagedStore_FailsSayingToRestoreOrMoveItAside(string damage)
    {
        Damage(damage);

        var run = _folder.Doctor();

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var database = DoctorReport.Parse(run.Out)["database"];
        Assert.Equal("FAIL", database.Status);
        Assert.StartsWith($"{_bed.DatabasePath} is damaged: ", database.Finding, StringComparison.Ordinal);
        Assert.DoesNotContain("{0}", database.Finding, StringComparison.Ordinal);
        Assert.StartsWith($"restore {_bed.DatabasePath} from a backup; or, to start anew without its records, move it aside", database.Fix, StringComparison.Ordinal);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private void Damage(string damage)
    {
        switch (damage)
        {
            case "none":
                break;
            case "data pages":
                StoreDamage.BreakDataPages(_bed.DatabasePath);
                break;
            default:
                StoreDamage.Apply(damage, _bed.DatabasePath);
                break;
        }
    }
}
