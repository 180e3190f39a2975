using System.Globalization;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Indicators;

/// <summary>Prints each change of mood with the time, the latest window's label and the audio level.</summary>
public sealed class ConsoleMoodIndicator : IMoodIndicator
{
    private readonly TextWriter _out;
    private LedPattern? _shown;

    public ConsoleMoodIndicator(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _out = output;
    }

    public string Name => "console";

    public void Show(MoodUpdate update)
    {
        var pattern = LedPatterns.For(update);
        if (pattern == _shown)
        {
            return;
        }

        _shown = pattern;
        var time = update.At.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (update.CaptureFault)
        {
            _out.WriteLine($"{time}  FAULT     microphone unavailable, retrying");
            return;
        }

        var window = update.Window;
        var label = window?.Label?.ToString().ToLowerInvariant() ?? "-";
        var level = window is { } w ? w.LevelDbfs.ToString("F1", CultureInfo.InvariantCulture) + " dBFS" : "";
        var at = window is { } s ? s.Start.ToString(@"hh\:mm\:ss\.f", CultureInfo.InvariantCulture) : "";
        _out.WriteLine($"{time}  {Describe(pattern),-9} window {at} label {label,-8} level {level}");
    }

    public void ShowPattern(LedPattern pattern)
    {
        if (pattern == _shown)
        {
            return;
        }

        _shown = pattern;
        _out.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {Describe(pattern)}");
    }

    public void TurnOff()
    {
        _shown = null;
        _out.Flush();
    }

    public void Dispose() => TurnOff();

    private static string Describe(LedPattern pattern) => pattern switch
    {
        LedPattern.Negative => "NEGATIVE",
        LedPattern.Neutral => "NEUTRAL",
        LedPattern.Positive => "POSITIVE",
        LedPattern.Film => "FILM",
        LedPattern.Fault => "FAULT",
        LedPattern.Recording => "RECORDING a review",
        LedPattern.BoothRefused => "BOOTH FULL: review refused, the spool waits for delivery",
        _ => "no speech",
    };
}
