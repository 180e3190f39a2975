using EdgeSentiment.Device.Booth;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>
/// The review booth's state for <c>booth status|start|stop</c>: what it is doing, the review being
/// recorded, the last one sealed, and the spool. Ids, times and sizes only: what a review says is
/// sealed to the studio and never crosses the control socket.
/// </summary>
/// <param name="Version">The control API's version.</param>
/// <param name="State">Idle, recording, or refused because the spool is full.</param>
/// <param name="Recording">The id of the review being recorded, if any.</param>
/// <param name="RecordedSeconds">How long it runs so far.</param>
/// <param name="LastSealed">The id of the last review sealed since the agent started, if any.</param>
/// <param name="LastSealedSeconds">Its length.</param>
/// <param name="Waiting">Whole reviews in the spool, waiting for delivery.</param>
/// <param name="SpoolBytes">What the spool holds now.</param>
/// <param name="SpoolLimitBytes">Above this new reviews are refused.</param>
/// <param name="SpoolFolder">Where the spool is.</param>
/// <param name="History">What became of the reviews of the last week, as the store lists them (sealed, delivered, discarded, refused), newest last.</param>
/// <param name="AwaitingWords">With transcription: reviews whose audio is sealed and whose document waits for their words (not yet whole).</param>
/// <param name="AwaitingWordsIds">Their ids, oldest first: after <c>booth stop</c>, the review just ended is the last one here, not <paramref name="LastSealed"/>.</param>
public sealed record BoothReply(
    int Version,
    BoothState State,
    string? Recording,
    double RecordedSeconds,
    string? LastSealed,
    double? LastSealedSeconds,
    int Waiting,
    long SpoolBytes,
    long SpoolLimitBytes,
    string SpoolFolder,
    IReadOnlyList<FaultRow> History,
    int AwaitingWords = 0,
    IReadOnlyList<string>? AwaitingWordsIds = null);
