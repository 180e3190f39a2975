namespace EdgeSentiment.Device.Capture;

/// <summary>The <c>Capture</c> section: which audio source and how to treat it.</summary>
public sealed class CaptureOptions
{
    public const string SectionName = "Capture";

    /// <summary>"File" or "Microphone"; a string so a typo is reported with the allowed values.</summary>
    public string Source { get; set; } = nameof(CaptureSourceKind.File);

    public CaptureSourceKind SourceKind => Enum.Parse<CaptureSourceKind>(Source, ignoreCase: true);

    /// <summary>WAV file for <see cref="CaptureSourceKind.File"/>; relative paths are taken from the program's folder.</summary>
    public string File { get; set; } = "samples/screening.wav";

    /// <summary>Play the file again from the start when it ends.</summary>
    public bool Loop { get; set; } = true;

    /// <summary>Play the file at its own speed (true) or as fast as the pipeline takes it (false).</summary>
    public bool RealTime { get; set; } = true;

    /// <summary>Capture device: "default", a device index, or part of its name (see <c>edgesentiment devices</c>).</summary>
    public string Device { get; set; } = "default";

    /// <summary>
    /// The channel of <see cref="Device"/> (counted from 1) that carries the soundtrack reference
    /// (the cinema processor's output); 0 for none. With a reference, the film is cancelled from
    /// the microphone and windows of the film's own speech are counted as film, not audience.
    /// </summary>
    public int ReferenceChannel { get; set; }

    /// <summary>
    /// The device that carries the reference when it is not <see cref="Device"/>: "default", a
    /// device index, or part of its name; empty (the default) for the microphone's own device.
    /// Then <see cref="ReferenceChannel"/> is a channel of this device, and the two clocks' drift
    /// is followed (<see cref="ReferenceQueueSeconds"/>).
    /// </summary>
    public string ReferenceDevice { get; set; } = "";

    /// <summary>With a <see cref="ReferenceDevice"/>: how much of the reference is queued between the two devices' clocks, in seconds.</summary>
    public double ReferenceQueueSeconds { get; set; } = 0.3;

    /// <summary>True when the reference comes from a device of its own.</summary>
    public bool HasReferenceDevice => HasReference && !string.IsNullOrWhiteSpace(ReferenceDevice);

    /// <summary>The channel of <see cref="Device"/> (counted from 1) that carries the microphone when <see cref="ReferenceChannel"/> is set.</summary>
    public int MicrophoneChannel { get; set; } = 1;

    /// <summary>How long an echo the canceller models, in seconds: about the auditorium's reverberation time.</summary>
    public double EchoTailSeconds { get; set; } = 0.5;

    /// <summary>True when a soundtrack reference is configured.</summary>
    public bool HasReference => ReferenceChannel > 0;

    /// <summary>Audio per device read and per chunk, in milliseconds.</summary>
    public int BufferMilliseconds { get; set; } = 100;

    /// <summary>First wait before opening a missing device again; doubles up to <see cref="MaxRetrySeconds"/>.</summary>
    public double FirstRetrySeconds { get; set; } = 1;

    public double MaxRetrySeconds { get; set; } = 30;
}
