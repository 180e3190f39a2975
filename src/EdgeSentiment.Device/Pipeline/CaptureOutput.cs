using System.Buffers;
using System.Threading.Channels;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// What an <see cref="IAudioSource"/> writes to: copies samples into pooled chunks for the
/// pipeline, and tells it when the device fails and when it is back.
/// </summary>
public sealed class CaptureOutput
{
    private readonly ChannelWriter<AudioChunk> _writer;
    private readonly Action<bool> _faultChanged;
    private readonly Action _alive;
    private readonly Action? _overrun;
    private long _overruns;
    private long _samples;
    private int _faulted;

    /// <param name="writer">Where chunks go.</param>
    /// <param name="faultChanged">Called with true when the device fails, false when it is back.</param>
    /// <param name="alive">Called on every write and every fault report, for the watchdog heartbeat.</param>
    /// <param name="overrun">Called on every overrun the device reports, for the metrics and the log.</param>
    public CaptureOutput(ChannelWriter<AudioChunk> writer, Action<bool> faultChanged, Action alive, Action? overrun = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(faultChanged);
        ArgumentNullException.ThrowIfNull(alive);
        _writer = writer;
        _faultChanged = faultChanged;
        _alive = alive;
        _overrun = overrun;
    }

    /// <summary>Times the device reported that audio was lost before we read it.</summary>
    public long Overruns => Interlocked.Read(ref _overruns);

    /// <summary>16 kHz samples written so far.</summary>
    public long Samples => Interlocked.Read(ref _samples);

    public bool IsFaulted => Volatile.Read(ref _faulted) == 1;

    /// <summary>Queues a copy of <paramref name="samples"/> (16 kHz mono) without waiting.</summary>
    /// <returns>False when the pipeline no longer takes audio.</returns>
    public bool Write(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return true;
        }

        var chunk = Rent(samples);
        if (_writer.TryWrite(chunk))
        {
            return true;
        }

        chunk.Return();
        return false;
    }

    /// <summary>
    /// Queues a copy of what the echo canceller left (<paramref name="residual"/>) together with
    /// what it took away (<paramref name="removed"/>, as long), without waiting.
    /// </summary>
    /// <returns>False when the pipeline no longer takes audio.</returns>
    public bool Write(ReadOnlySpan<float> residual, ReadOnlySpan<float> removed)
    {
        if (removed.Length != residual.Length)
        {
            throw new ArgumentException($"residual and removed must be as long, got {residual.Length} and {removed.Length} samples", nameof(removed));
        }

        if (residual.IsEmpty)
        {
            return true;
        }

        var chunk = Rent(residual);
        var taken = ArrayPool<float>.Shared.Rent(removed.Length);
        removed.CopyTo(taken);
        chunk = chunk with { Removed = taken };
        if (_writer.TryWrite(chunk))
        {
            return true;
        }

        chunk.Return();
        return false;
    }

    /// <summary>Queues a copy of <paramref name="samples"/>, waiting for room when the channel applies backpressure.</summary>
    public async ValueTask<bool> WriteAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken)
    {
        if (samples.IsEmpty)
        {
            return true;
        }

        var chunk = Rent(samples.Span);
        try
        {
            await _writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            chunk.Return();
            return false;
        }
        catch (OperationCanceledException)
        {
            chunk.Return();
            throw;
        }
    }

    public void CountOverrun()
    {
        Interlocked.Increment(ref _overruns);
        _overrun?.Invoke();
    }

    /// <summary>The device is missing or failed; the indicator shows a fault until <see cref="ReportRecovered"/>.</summary>
    public void ReportFault()
    {
        _alive();
        if (Interlocked.Exchange(ref _faulted, 1) == 0)
        {
            _faultChanged(true);
        }
    }

    public void ReportRecovered()
    {
        if (Interlocked.Exchange(ref _faulted, 0) == 1)
        {
            _faultChanged(false);
        }
    }

    private AudioChunk Rent(ReadOnlySpan<float> samples)
    {
        var buffer = ArrayPool<float>.Shared.Rent(samples.Length);
        samples.CopyTo(buffer);
        _alive();
        Interlocked.Add(ref _samples, samples.Length);
        return new AudioChunk(buffer, samples.Length);
    }
}
