using System.Runtime.Versioning;
using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Control;

/// <summary>
/// A user that is not allowed, as the kernel reports it: the CLI runs as nobody (setpriv) against the
/// agent's socket opened to everyone for the test (0666), so only the SO_PEERCRED check stands in its way.
/// </summary>
[Collection(ControlAgentGroup.Name)]
[SupportedOSPlatform("linux")]
public sealed class PeerRefusalTests
{
    private readonly ControlAgent _agent;

    public PeerRefusalTests(ControlAgent agent)
    {
        _agent = agent;
    }

    [RootFact]
    public async Task Status_AsNobody_IsRefusedWithHowToGetAccess()
    {
        File.SetUnixFileMode(Path.GetDirectoryName(_agent.SocketPath)!, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(_agent.Folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(_agent.SocketPath, (UnixFileMode)0b110_110_110);
        try
        {
            var text = await AsNobodyAsync("status", "--socket", _agent.SocketPath);
            var json = await AsNobodyAsync("status", "--json", "--socket", _agent.SocketPath);

            Assert.Equal(ExitCodes.Refused, text.ExitCode);
            Assert.Equal(string.Empty, text.Out);
            Assert.Contains("error: access to the agent refused: uid 65534 is not root, the agent's user or a member of the group 'edgesentiment'", text.Error, StringComparison.Ordinal);
            Assert.Contains("add your user to the edgesentiment group (sudo usermod -aG edgesentiment $USER)", text.Error, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Refused, json.ExitCode);

            // Root is still let in.
            var root = CliRun.Of("status", "--json", "--socket", _agent.SocketPath);
            Assert.Equal(ExitCodes.Ok, root.ExitCode);
            using var status = JsonDocument.Parse(root.Out);
            Assert.True(status.RootElement.GetProperty("pipeline").GetProperty("windowsProcessed").GetInt64() > 0);
        }
        finally
        {
            File.SetUnixFileMode(_agent.SocketPath, (UnixFileMode)0b110_110_000);
        }
    }

    [Fact]
    public void Socket_IsReadableAndWritableByItsOwnerAndGroupOnly()
    {
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            File.GetUnixFileMode(_agent.SocketPath));
    }

    private static async Task<ProcessRun> AsNobodyAsync(params string[] arguments)
    {
        using var cli = CopyOfTheCliNobodyCanRead();
        return await ProcessRun.OfAsync(
            "setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", ProcessRun.Dotnet, cli.PathOf(Path.GetFileName(ProcessRun.CliAssembly)), .. arguments],
            new Dictionary<string, string> { ["HOME"] = Path.GetTempPath(), ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
    }

    // A checkout under a home folder of mode 0700 (root's, and new users' on Debian 12) is out of
    // nobody's reach, so nobody runs a copy of the built CLI from a folder anyone may read. The
    // managed assemblies and their JSON files are all that status needs.
    private static TempFolder CopyOfTheCliNobodyCanRead()
    {
        var folder = new TempFolder();
        var readable = (UnixFileMode)0b111_101_101;
        File.SetUnixFileMode(Path.GetDirectoryName(folder.Path)!, readable);
        File.SetUnixFileMode(folder.Path, readable);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(ProcessRun.CliAssembly)!))
        {
            if (file.EndsWith(".dll", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal))
            {
                var copy = folder.PathOf(Path.GetFileName(file));
                File.Copy(file, copy);
                File.SetUnixFileMode(copy, (UnixFileMode)0b110_100_100);
            }
        }

        return folder;
    }
}
