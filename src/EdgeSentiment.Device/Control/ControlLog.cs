using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Control;

/// <summary>The control socket's log lines, event ids 6xx.</summary>
internal static partial class ControlLog
{
    [LoggerMessage(600, LogLevel.Information, "Control socket listening on {Path} (mode 0660; root, the agent's user and group {Group} may use it)")]
    public static partial void Listening(ILogger logger, string path, string group);

    [LoggerMessage(601, LogLevel.Information, "Removed a stale control socket at {Path}")]
    public static partial void StaleSocketRemoved(ILogger logger, string path);

    [LoggerMessage(602, LogLevel.Error, "Control socket {Path} is in use by another running agent; this agent runs without one")]
    public static partial void SocketInUse(ILogger logger, string path);

    [LoggerMessage(603, LogLevel.Warning, "No control socket: {Reason}; technician commands (edgesentiment status, tail, ...) will not reach this agent")]
    public static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(604, LogLevel.Warning, "Control socket refused uid {UserId} (pid {ProcessId}): {Reason}; logged once per uid")]
    public static partial void PeerRefused(ILogger logger, uint userId, int processId, string reason);

    [LoggerMessage(605, LogLevel.Error, "Control request {Method} {Path} failed; the agent carries on")]
    public static partial void RequestFailed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(606, LogLevel.Information, "Screening session {Id} started: {Title}")]
    public static partial void SessionStarted(ILogger logger, Guid id, string title);

    [LoggerMessage(607, LogLevel.Information, "Screening session {Id} stopped")]
    public static partial void SessionStopped(ILogger logger, Guid id);

    [LoggerMessage(608, LogLevel.Information, "LED test on {Indicator}")]
    public static partial void LedTest(ILogger logger, string indicator);

    [LoggerMessage(609, LogLevel.Information, "Control socket closed and removed")]
    public static partial void Closed(ILogger logger);
}
