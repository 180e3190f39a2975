using System.Text.Json;
using EdgeSentiment.Cli.Config;
using EdgeSentiment.Cli.Doctor;
using EdgeSentiment.Cli.Tests.Fakes;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

/// <summary>A temp configuration folder, with the store under it, and a doctor context on fakes.</summary>
public sealed class DoctorBed : IDisposable
{
    private readonly TempFolder _folder = new();

    public DoctorBed() => Settings("00-store.json", new { Store = new { DatabasePath = DatabasePath, KeyFile = KeyPath } });

    public string Folder => _folder.Path;

    public string ConfigDirectory => _folder.PathOf("etc");

    public string KeyPath => _folder.PathOf("edgesentiment.key");

    public string DatabasePath => _folder.PathOf("state/results.db");

    public ScriptedProcessRunner Processes { get; } = new();

    public IAudioInputProbe Audio { get; set; } = new FakeAudioInputProbe();

    public IBrokerProbe Broker { get; set; } = new FakeBrokerProbe();

    public DiskSpace? Disk { get; set; } = new("/", 20L << 30, 64L << 30);

    public LockHolder? Holder { get; set; }

    /// <summary>The running agent's status source for the contexts made from now on; null for none.</summary>
    public Func<CancellationToken, Task<AgentStatusSnapshot?>>? AgentStatusSource { get; set; }

    public string? AgentSocket { get; set; }

    public TimeSpan AgentStatusLimit { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Writes one configuration file (later names override earlier ones, as for the agent).</summary>
    public void Settings(string fileName, object settings) =>
        _folder.Write(Path.Combine("etc", fileName), JsonSerializer.Serialize(settings));

    public DoctorContext Context() => new()
    {
        Configuration = AgentConfiguration.Load(ConfigDirectory),
        Processes = Processes,
        Audio = Audio,
        Broker = Broker,
        DiskSpaceOf = _ => Disk,
        FindLockHolder = _ => Holder,
        AgentStatusSource = AgentStatusSource,
        AgentSocket = AgentSocket,
        AgentStatusLimit = AgentStatusLimit,
    };

    public async Task<CheckResult> RunAsync(IDoctorCheck check) => await check.RunAsync(Context(), CancellationToken.None);

    public void Dispose() => _folder.Dispose();
}
