namespace EdgeSentiment.Device.Control.Contract;

/// <summary>The control API's routes and version; every reply carries <see cref="Version"/>.</summary>
public static class ControlApi
{
    /// <summary>The shape of every request and reply under <c>/v1/</c>; a breaking change gets <c>/v2/</c>.</summary>
    public const int Version = 1;

    public const string Status = "/v1/status";
    public const string Moods = "/v1/moods";
    public const string History = "/v1/history";
    public const string SessionsStart = "/v1/sessions/start";
    public const string SessionsStop = "/v1/sessions/stop";
    /// <summary>Stored minutes and sessions as <see cref="JsonLines"/> of <see cref="ExportLine"/>, written as they are read.</summary>
    public const string Export = "/v1/export/lines";
    public const string LedsTest = "/v1/leds/test";

    /// <summary>The review booth: <see cref="BoothReply"/> on GET; start and stop a review by POST.</summary>
    public const string Booth = "/v1/booth";
    public const string BoothStart = "/v1/booth/start";
    public const string BoothStop = "/v1/booth/stop";

    /// <summary>The settings the agent runs with, each with its source (<see cref="ConfigReply"/>); secrets redacted.</summary>
    public const string Configuration = "/v1/config";

    /// <summary>The media type of <see cref="Moods"/> and <see cref="Export"/>: one JSON object per line.</summary>
    public const string JsonLines = "application/x-ndjson";
}
