namespace EdgeSentiment.Device.Indicators;

/// <summary>What the LEDs show; one pattern per state so a glance from the booth is enough.</summary>
public enum LedPattern
{
    /// <summary>Nobody is speaking, or the agent is stopped.</summary>
    Off = 0,
    Negative,
    Neutral,
    Positive,

    /// <summary>Listening is impossible (microphone missing or failed): a slow amber blink.</summary>
    Fault,

    /// <summary>Only the film speaks: a faint violet on an RGB LED, dark on discrete LEDs.</summary>
    Film,

    /// <summary>The review booth is recording a review: every LED on (the RGB LED white), unlike any mood.</summary>
    Recording,

    /// <summary>The review booth refused a review because its spool is full: red blinking until a review starts again.</summary>
    BoothRefused,
}
