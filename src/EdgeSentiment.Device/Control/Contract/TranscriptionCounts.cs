namespace EdgeSentiment.Device.Control.Contract;

/// <summary>
/// The live transcription's counters since the agent started (only with <c>Transcription:Enabled</c>):
/// counts and seconds, never what was said.
/// </summary>
public sealed record TranscriptionCounts(long Transcribed, long Dropped, long Failed, double QueuedSeconds);
