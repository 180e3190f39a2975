using EdgeSentiment.Cli.Config;
using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// What every doctor check works from: the agent's effective configuration and the seams to the
/// machine (programs, audio, broker, disk, lock files), so each check can be tested with fakes.
/// </summary>
public sealed class DoctorContext
{
    private LockHolder? _databaseHolder;
    private bool _databaseHolderKnown;

    /// <summary>
    /// The settings the checks judge: the running agent's own once it told them
    /// (<see cref="UseAgentSettings"/>), else the files'.
    /// </summary>
    public required AgentConfiguration Configuration { get; set; }

    /// <summary>The files' settings when the running agent's replaced them in <see cref="Configuration"/>; null otherwise.</summary>
    public AgentConfiguration? FilesConfiguration { get; private set; }

    /// <summary>Whether the folder of the files was named (--config-dir); otherwise the agent's own folder is read.</summary>
    public bool ConfigurationDirectoryGiven { get; init; }

    public required IProcessRunner Processes { get; init; }

    public required IAudioInputProbe Audio { get; init; }

    public required IBrokerProbe Broker { get; init; }

    public required Func<string, DiskSpace?> DiskSpaceOf { get; init; }

    /// <summary>The process holding a lock file, or null.</summary>
    public required Func<string, LockHolder?> FindLockHolder { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Extension point: a source of the running agent's own status (for example over its control
    /// socket). Null when none is plugged in; the checks then judge from outside alone.
    /// </summary>
    public Func<CancellationToken, Task<AgentStatusSnapshot?>>? AgentStatusSource { get; init; }

    /// <summary>What <see cref="AgentStatusSource"/> answered before the checks ran; null when it is absent or did not answer.</summary>
    public AgentStatusSnapshot? AgentStatus { get; set; }

    /// <summary>Why <see cref="AgentStatusSource"/> did not answer (not running, refused, no reply); null when it answered or is absent.</summary>
    public Exception? AgentStatusFailure { get; set; }

    /// <summary>How long the agent may take to answer before it is judged from outside.</summary>
    public TimeSpan AgentStatusLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The control socket <see cref="AgentStatusSource"/> asks, for the findings; null when none is plugged in.</summary>
    public string? AgentSocket { get; init; }

    /// <summary>$CREDENTIALS_DIRECTORY, which systemd sets for the service; the key is looked up there first, as the agent does.</summary>
    public string? CredentialsDirectory { get; init; }

    /// <summary>The user the service runs as (User= in the unit).</summary>
    public string ServiceUser { get; init; } = "edgesentiment";

    /// <summary>The key file the running agent loaded, or else the one its configuration names.</summary>
    public string KeyPath => AgentStatus?.KeyPath ?? Path.GetFullPath(StoreKeyFile.Resolve(Configuration.Store.KeyFile, CredentialsDirectory));

    /// <summary>The database the running agent has open, or else the one its configuration names.</summary>
    public string DatabasePath => AgentStatus?.DatabasePath ?? Path.GetFullPath(Configuration.Store.DatabasePath);

    /// <summary>The model the agent would load, resolved the way the agent resolves it.</summary>
    public string ModelPath => Configuration.Pipeline.ModelPath();

    /// <summary>Where the agent's configuration is edited, for the fix texts.</summary>
    public string ConfigurationHint => $"{Configuration.Directory}/*.json";

    /// <summary>The process that holds the result database (normally the running agent), looked up once.</summary>
    public LockHolder? DatabaseHolder
    {
        get
        {
            if (!_databaseHolderKnown)
            {
                _databaseHolder = FindLockHolder(DatabasePath + ".lock");
                _databaseHolderKnown = true;
            }

            return _databaseHolder;
        }
    }

    /// <summary>
    /// The running agent when it holds the result database: its lock holder, recognised by its program
    /// name or by the process id the agent gave in its status.
    /// </summary>
    public LockHolder? AgentHolder =>
        DatabaseHolder is { } holder && (holder.IsAgent || holder.ProcessId == AgentStatus?.ProcessId) ? holder : null;

    /// <summary>
    /// Judges the device by the settings the running agent uses; the files (those of its own folder,
    /// unless --config-dir named one) are kept to check that it would start on them again.
    /// </summary>
    public void UseAgentSettings(AgentConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        FilesConfiguration = ConfigurationDirectoryGiven || string.Equals(settings.Directory, Configuration.Directory, StringComparison.Ordinal)
            ? Configuration
            : AgentConfiguration.LoadOrFailure(settings.Directory);
        Configuration = settings;
    }

    /// <summary>The context on this machine: real programs, PortAudio, MQTTnet, /proc and the file system.</summary>
    /// <param name="configuration">The agent's effective configuration.</param>
    /// <param name="agentSocket">The running agent's control socket, asked for its status; null to judge from outside only.</param>
    /// <param name="directoryGiven">Whether --config-dir named the folder of <paramref name="configuration"/>.</param>
    public static DoctorContext ForThisMachine(AgentConfiguration configuration, string? agentSocket, bool directoryGiven = false) => new()
    {
        Configuration = configuration,
        ConfigurationDirectoryGiven = directoryGiven,
        Processes = new ProcessRunner(),
        Audio = new PortAudioInputProbe(),
        Broker = new MqttBrokerProbe(),
        DiskSpaceOf = DiskSpaceProbe.Of,
        FindLockHolder = LockHolders.Find,
        AgentStatusSource = agentSocket is null ? null : AgentStatusQuery.Over(agentSocket),
        AgentSocket = agentSocket,
        CredentialsDirectory = Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY"),
    };
}
