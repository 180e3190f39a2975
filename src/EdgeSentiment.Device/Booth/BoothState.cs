namespace EdgeSentiment.Device.Booth;

/// <summary>What the booth is doing, as the LEDs and <c>edgesentiment booth status</c> show it.</summary>
public enum BoothState
{
    /// <summary>Waiting for a press; nothing is recorded.</summary>
    Idle,

    /// <summary>A review is being recorded and sealed.</summary>
    Recording,

    /// <summary>The last press was refused because the spool is full.</summary>
    SpoolFull,
}
