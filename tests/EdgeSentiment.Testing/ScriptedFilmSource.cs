using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Testing;

/// <summary>
/// A live source with a soundtrack reference, as the echo-cancelling microphone writes it: what the
/// canceller left (the residual) and what it took away (the film at the microphone), chunk by chunk,
/// with a pause between chunks so the later stages keep up and nothing is dropped.
/// </summary>
public sealed class ScriptedFilmSource : IAudioSource
{
    private readonly float[] _residual;
    private readonly float[] _removed;
    private readonly int _chunk;
    private readonly TimeSpan _pause;

    public ScriptedFilmSource(float[] residual, float[] removed, int chunk = 1600, TimeSpan? pause = null)
    {
        ArgumentNullException.ThrowIfNull(residual);
        ArgumentNullException.ThrowIfNull(removed);
        if (residual.Length != removed.Length)
        {
            throw new ArgumentException($"residual and removed must be as long, got {residual.Length} and {removed.Length} samples", nameof(removed));
        }

        _residual = residual;
        _removed = removed;
        _chunk = chunk;
        _pause = pause ?? TimeSpan.FromMilliseconds(10);
    }

    public string Description => "scripted film";

    public bool IsLive => true;

    public async Task RunAsync(CaptureOutput output, CancellationToken cancellationToken)
    {
        for (var start = 0; start < _residual.Length; start += _chunk)
        {
            var count = Math.Min(_chunk, _residual.Length - start);
            output.Write(_residual.AsSpan(start, count), _removed.AsSpan(start, count));
            await Task.Delay(_pause, cancellationToken);
        }
    }
}
