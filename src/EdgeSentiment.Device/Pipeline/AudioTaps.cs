using System.Runtime.ExceptionServices;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// Several taps as one (the review booth and the live transcription): each sees every chunk, and
/// one that throws does not keep the chunk from the others; the first failure is passed on to be logged.
/// </summary>
public sealed class AudioTaps : IAudioTap
{
    private readonly IAudioTap[] _taps;

    public AudioTaps(IEnumerable<IAudioTap> taps)
    {
        ArgumentNullException.ThrowIfNull(taps);
        _taps = [.. taps];
    }

    public int Count => _taps.Length;

    /// <summary>The one tap, the taps together, or null when there is none.</summary>
    public static IAudioTap? Of(IEnumerable<IAudioTap> taps)
    {
        var all = new AudioTaps(taps);
        return all._taps.Length switch
        {
            0 => null,
            1 => all._taps[0],
            _ => all,
        };
    }

    public void OnAudio(ReadOnlySpan<float> samples, TimeSpan streamPosition)
    {
        ExceptionDispatchInfo? failure = null;
        foreach (var tap in _taps)
        {
            try
            {
                tap.OnAudio(samples, streamPosition);
            }
            catch (Exception e)
            {
                failure ??= ExceptionDispatchInfo.Capture(e);
            }
        }

        failure?.Throw();
    }
}
