namespace EdgeSentiment.Device;

/// <summary>
/// Every event id the agent logs, in one table: the hundreds name the stage (1xx capture, 2xx
/// pipeline and mood, 3xx indicators, 4xx host, 5xx storage, 6xx MQTT, 7xx control socket). The
/// journal shows each line as <c>Category[id] message</c>, so <c>grep -E '\[6[0-9]{2}\]'</c> picks a stage.
/// Ids are stable: a message that changes its meaning gets a new id. docs/agent.md lists them.
/// </summary>
public static class LogEvents
{
    // Capture
    public const int CaptureOpened = 100;
    public const int CaptureFailed = 101;
    public const int CaptureRetrying = 102;
    public const int CaptureRecovered = 103;
    public const int FileSourceStarted = 104;
    public const int CaptureOverrun = 105;

    // Pipeline and mood
    public const int PipelineStarted = 200;
    public const int PipelineStopped = 201;
    public const int ClassifyFailed = 202;
    public const int SinkFailed = 203;
    public const int SinkDropping = 204;
    public const int MoodChanged = 205;
    public const int SourceCrashed = 206;
    public const int AudioTapFailed = 207;

    // Live transcription (a stage after the mood; counts only, never words)
    public const int TranscriptionStarted = 210;
    public const int TranscriptionDropped = 211;
    public const int TranscriptionFailed = 212;
    public const int TranscriptionDone = 213;
    public const int TranscriptionStopped = 214;

    // Indicators (LEDs)
    public const int IndicatorSelected = 300;
    public const int IndicatorFailed = 301;
    public const int GpioChipChosen = 302;

    // Host
    public const int AgentStarting = 400;
    public const int AgentStopped = 401;
    public const int PipelineStalled = 402;
    public const int StartFailed = 403;
    public const int SourceEnded = 404;

    // Storage
    public const int StoreOpened = 500;
    public const int StoreWritesFailing = 501;
    public const int StoreWritesResumed = 502;
    public const int StoreRecordTampered = 503;
    public const int StoreRetentionApplied = 504;
    public const int StoreOutboxDropped = 505;
    public const int StoreMaintenanceFailed = 506;
    public const int StoreKeyCreated = 507;
    public const int StoreSummariesDropped = 508;

    // Publishing (MQTT)
    public const int MqttDisabled = 600;
    public const int MqttInsecure = 601;
    public const int MqttConnected = 602;
    public const int MqttConnectFailed = 603;
    public const int MqttCertificateRefused = 604;
    public const int MqttConnectionLost = 605;
    public const int MqttPublishRefused = 606;
    public const int MqttStopped = 607;
    public const int MqttSetupFailed = 608;
    public const int MqttAcknowledgeFailed = 609;
    public const int MqttReconnected = 610;
    public const int MqttDiscoveryPublished = 611;
    public const int MqttReviewDelivered = 612;
    public const int MqttReviewRefused = 613;
    public const int MqttReviewRemoveFailed = 614;

    // Control socket
    public const int ControlListening = 700;
    public const int ControlStaleSocketRemoved = 701;
    public const int ControlSocketInUse = 702;
    public const int ControlUnavailable = 703;
    public const int ControlPeerRefused = 704;
    public const int ControlRequestFailed = 705;
    public const int ControlSessionStarted = 706;
    public const int ControlSessionStopped = 707;
    public const int ControlLedTest = 708;
    public const int ControlClosed = 709;

    // Review booth
    public const int BoothReviewStarted = 800;
    public const int BoothReviewSealed = 801;
    public const int BoothSpoolFull = 802;
    public const int BoothInterruptedRemoved = 803;
    public const int BoothSealFailed = 804;
    public const int BoothButtonUnavailable = 805;
    public const int BoothWordsIncomplete = 806;
    public const int BoothSealedAtStart = 807;
    public const int BoothPendingFailed = 808;
}
