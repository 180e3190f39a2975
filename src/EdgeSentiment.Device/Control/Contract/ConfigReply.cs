using EdgeSentiment.Device.Configuration;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>
/// The settings the running agent uses: every key of its sections and any other a source set, with the
/// source that won (a file, an environment variable, the command line or the default). Secrets are
/// redacted by the agent, so they never leave it. <see cref="ConfigurationDirectory"/> is the folder of
/// *.json overrides it read at its start.
/// </summary>
public sealed record ConfigReply(int Version, int ProcessId, string? ConfigurationDirectory, IReadOnlyList<ConfigEntry> Entries);
