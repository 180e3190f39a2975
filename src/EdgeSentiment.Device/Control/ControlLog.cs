using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Control;

/// <summary>The control socket's log lines, event ids 6xx.</summary>
internal static partial class ControlLog
{
    [LoggerMessage(EventId = LogEvents.ControlListening, Level = LogLevel.Information, Message = "Control socket listening on {Path} (mode 0660; root, the agent's user and group {Group} may use it)")]
    public static partial void Listening(ILogger logger, string path, string group);

    [LoggerMessage(EventId = LogEvents.ControlStaleSocketRemoved, Level = LogLevel.Information, Message = "Removed a stale control socket at {Path}")]
    public static partial void StaleSocketRemoved(ILogger logger, string path);

    [LoggerMessage(EventId = LogEvents.ControlSocketInUse, Level = LogLevel.Error, Message = "Control socket {Path} is in use by another running agent; this agent runs without one")]
    public static partial void SocketInUse(ILogger logger, string path);

    [LoggerMessage(EventId = LogEvents.ControlUnavailable, Level = LogLevel.Warning, Message = "No control socket: {Reason}; technician commands (edgesentiment status, tail, ...) will not reach this agent")]
    public static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.ControlPeerRefused, Level = LogLevel.Warning, Message = "Control socket refused uid {UserId} (pid {ProcessId}): {Reason}; logged once per uid")]
    public static partial void PeerRefused(ILogger logger, uint userId, int processId, string reason);

    [LoggerMessage(EventId = LogEvents.ControlRequestFailed, Level = LogLevel.Error, Message = "Control request {Method} {Path} failed; the agent carries on")]
    public static partial void RequestFailed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = LogEvents.ControlSessionStarted, Level = LogLevel.Information, Message = "Screening session {Id} started: {Title}")]
    public static partial void SessionStarted(ILogger logger, Guid id, string title);

    [LoggerMessage(EventId = LogEvents.ControlSessionStopped, Level = LogLevel.Information, Message = "Screening session {Id} stopped")]
    public static partial void SessionStopped(ILogger logger, Guid id);

    [LoggerMessage(EventId = LogEvents.ControlLedTest, Level = LogLevel.Information, Message = "LED test on {Indicator}")]
    public static partial void LedTest(ILogger logger, string indicator);

    [LoggerMessage(EventId = LogEvents.ControlClosed, Level = LogLevel.Information, Message = "Control socket closed and removed")]
    public static partial void Closed(ILogger logger);
}
