using EdgeSentiment.Cli.Config;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// What the running agent says about itself, when a source for it is plugged into
/// <see cref="DoctorContext.AgentStatusSource"/>: the checks then use the agent's own view where they
/// cannot look themselves (the capture device and the database it holds).
/// </summary>
/// <param name="ProcessId">The agent's process id.</param>
/// <param name="CaptureDevice">The input device the agent reads, or null when it has none open.</param>
/// <param name="InputLevelDbfs">The recent input level, or null when unknown.</param>
/// <param name="StoreKeyId">The id of the key the open database uses, or null.</param>
/// <param name="DatabasePath">The database the agent has open, or null when it did not say.</param>
/// <param name="KeyPath">The key file the agent loaded, or null when it did not say.</param>
/// <param name="Settings">The settings the agent runs with, or null when it did not say (an older agent).</param>
public sealed record AgentStatusSnapshot(
    int ProcessId, string? CaptureDevice, double? InputLevelDbfs, string? StoreKeyId, string? DatabasePath = null, string? KeyPath = null, AgentConfiguration? Settings = null);
