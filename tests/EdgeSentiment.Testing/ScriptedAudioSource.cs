using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Testing;

/// <summary>
/// Writes the given samples in fixed chunks as fast as it can, then either ends or waits for
/// cancellation like a microphone would.
/// </summary>
public sealed class ScriptedAudioSource : IAudioSource
{
    private readonly float[] _samples;
    private readonly int _chunk;
    private readonly bool _keepRunning;
    private readonly TimeSpan _pause;

    // pause: wait between chunks of a live source (zero: none), so the later stages run meanwhile.
    public ScriptedAudioSource(float[] samples, bool isLive, int chunk = 1600, bool keepRunning = false, TimeSpan pause = default)
    {
        _samples = samples;
        IsLive = isLive;
        _chunk = chunk;
        _keepRunning = keepRunning;
        _pause = pause;
    }

    public string Description => "scripted";

    public bool IsLive { get; }

    public async Task RunAsync(CaptureOutput output, CancellationToken cancellationToken)
    {
        for (var start = 0; start < _samples.Length; start += _chunk)
        {
            var memory = _samples.AsMemory(start, Math.Min(_chunk, _samples.Length - start));
            if (IsLive)
            {
                output.Write(memory.Span);
                if (_pause > TimeSpan.Zero)
                {
                    await Task.Delay(_pause, cancellationToken);
                }
            }
            else
            {
                await output.WriteAsync(memory, cancellationToken);
            }
        }

        if (_keepRunning)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
