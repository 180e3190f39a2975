using System.Text.Json;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

/// <summary>
/// A configuration folder for <c>doctor</c> and <c>config show</c> runs: the store and its key in a temp
/// folder, the sample recording as the audio source, MQTT off, console LEDs; each test adds its own file.
/// </summary>
public sealed class DoctorFolder : IDisposable
{
    private readonly TempFolder _folder = new();

    public DoctorFolder()
    {
        Settings("00-base.json", new
        {
            Capture = new { Source = "File", File = RepositoryPaths.Sample("screening.wav") },
            Indicator = new { Kind = "Console" },
            Store = new { DatabasePath, KeyFile = KeyPath },
            Mqtt = new { Enabled = false },
        });
    }

    public string Path => _folder.Path;

    public string ConfigDirectory => _folder.PathOf("etc");

    public string KeyPath => _folder.PathOf("edgesentiment.key");

    public string DatabasePath => _folder.PathOf("results.db");

    public string PathOf(string relative) => _folder.PathOf(relative);

    public string Write(string relative, string text) => _folder.Write(relative, text);

    public void Settings(string fileName, object settings) =>
        _folder.Write(System.IO.Path.Combine("etc", fileName), JsonSerializer.Serialize(settings));

    /// <summary>Writes a new owner-only key to <see cref="KeyPath"/> (or <paramref name="path"/>).</summary>
    public string WriteKey(string? path = null)
    {
        path ??= KeyPath;
        using var key = StoreKey.Generate();
        StoreKeyFile.Write(path, key);
        return key.Id;
    }

    /// <summary>A database with one minute in it, sealed with the key at <paramref name="keyPath"/>.</summary>
    public void CreateDatabase(string keyPath)
    {
        using var key = StoreKeyFile.Load(keyPath);
        using var store = LiteDbResultStore.Open(
            new StoreOptions { DatabasePath = DatabasePath, KeyFile = keyPath }, key, keyPath, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeProvider.System);
        store.AppendMinute(StoreTestBed.Minute(0));
    }

    /// <summary>Where no agent listens, so that an agent running on this machine does not answer these runs.</summary>
    public string NoAgentSocket => _folder.PathOf("no-agent/control.sock");

    public CliRun Doctor() => CliRun.Of("doctor", "--json", "--config-dir", ConfigDirectory, "--socket", NoAgentSocket);

    public void Dispose() => _folder.Dispose();
}
