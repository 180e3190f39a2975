namespace EdgeSentiment.Device.Booth;

/// <summary>The <c>Booth</c> section: the review booth, where a viewer presses a button and speaks a review.</summary>
public sealed class BoothOptions
{
    public const string SectionName = "Booth";

    /// <summary>Off by default: the agent records nothing unless the operator turns the booth on.</summary>
    public bool Enabled { get; set; }

    /// <summary>BCM (GPIO) number of the push button's line; -1 for a desk booth with no button (<c>edgesentiment booth start|stop</c>).</summary>
    public int ButtonPin { get; set; } = 23;

    /// <summary>The GPIO chip of the button's line; -1 finds the board's header chip (as the LEDs do).</summary>
    public int GpioChip { get; set; } = -1;

    /// <summary>Use the SoC's pull-up, for a button that connects the line to ground when pressed.</summary>
    public bool ButtonPullUp { get; set; } = true;

    /// <summary>How long the line must stay at a new level before it counts as a press or release.</summary>
    public int DebounceMilliseconds { get; set; } = 30;

    /// <summary>Seconds without speech after which a review ends by itself.</summary>
    public double EndOfSpeechSeconds { get; set; } = 4;

    /// <summary>The longest review, in seconds; it is sealed as it is when this is reached.</summary>
    public double MaxReviewSeconds { get; set; } = 180;

    /// <summary>
    /// With <c>Transcription:Enabled</c>: the longest a review's document waits, after its audio is sealed,
    /// for the words of its last utterances; then it is sealed with the words there are ("incomplete").
    /// </summary>
    public double WordsWaitSeconds { get; set; } = 30;

    /// <summary>The studio's age recipients (<c>age1...</c>, public keys only): every review is sealed to each.</summary>
    public IList<string> Recipients { get; } = [];

    /// <summary>Folder where sealed reviews wait for delivery, under the service's state directory; a relative path is taken from the working directory.</summary>
    public string SpoolFolder { get; set; } = "/var/lib/edgesentiment/reviews";

    /// <summary>The most the spool may hold; when full the booth refuses new reviews and keeps the old ones.</summary>
    public double SpoolLimitMegabytes { get; set; } = 512;

    public long SpoolLimitBytes => (long)(SpoolLimitMegabytes * 1024 * 1024);
}
