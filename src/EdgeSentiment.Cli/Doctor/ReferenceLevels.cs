namespace EdgeSentiment.Cli.Doctor;

/// <summary>The levels of the microphone channel and the soundtrack reference channel, read together from one device.</summary>
public sealed record ReferenceLevels(AudioLevel Microphone, AudioLevel Reference);
