using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Indicators;

/// <summary>Shows the audience mood to people in the room: LEDs on the board, or the console.</summary>
public interface IMoodIndicator : IDisposable
{
    string Name { get; }

    /// <summary>Shows the state <paramref name="update"/> describes; called for every update, so show changes only.</summary>
    void Show(MoodUpdate update);

    /// <summary>Shows <paramref name="pattern"/> itself: the LED test and the review booth's own states.</summary>
    void ShowPattern(LedPattern pattern);

    /// <summary>Turns everything off; the agent is stopping.</summary>
    void TurnOff();
}
