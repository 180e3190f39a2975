using System.Diagnostics.Metrics;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// The pipeline's instruments on the <c>EdgeSentiment.Agent</c> meter (dotnet-counters,
/// OpenTelemetry), plus the same figures as plain properties for logs and tests.
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "EdgeSentiment.Agent";

    private readonly Meter _meter;
    private readonly Counter<long> _windows;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _overruns;
    private readonly Histogram<double> _latency;
    private long _windowCount;
    private long _droppedChunks;
    private long _droppedWindows;
    private long _droppedResults;
    private long _captureOverruns;
    private long _filmWindows;
    private long _audienceOverFilmWindows;
    private float _levelDbfs = float.NegativeInfinity;

    public PipelineMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _windows = _meter.CreateCounter<long>("edgesentiment.windows.processed", "{window}", "Analysis windows classified");
        _dropped = _meter.CreateCounter<long>("edgesentiment.pipeline.dropped", "{item}", "Audio chunks, windows or results dropped because a later stage fell behind");
        _overruns = _meter.CreateCounter<long>("edgesentiment.capture.overruns", "{overrun}", "Times the capture device reported audio lost before it was read");
        _latency = _meter.CreateHistogram<double>("edgesentiment.inference.duration", "ms", "Time to compute features and run the model for one window");
        _meter.CreateObservableGauge("edgesentiment.audio.level", () => Volatile.Read(ref _levelDbfs), "dBFS", "RMS level of the latest window");
    }

    public long WindowsProcessed => Interlocked.Read(ref _windowCount);

    public long DroppedChunks => Interlocked.Read(ref _droppedChunks);

    public long DroppedWindows => Interlocked.Read(ref _droppedWindows);

    public long DroppedResults => Interlocked.Read(ref _droppedResults);

    /// <summary>Times the capture device reported an input overflow (PortAudio's paInputOverflowed).</summary>
    public long CaptureOverruns => Interlocked.Read(ref _captureOverruns);

    public float LevelDbfs => Volatile.Read(ref _levelDbfs);

    /// <summary>Windows that were the film's, not the audience's (only with a soundtrack reference).</summary>
    public long FilmWindows => Interlocked.Read(ref _filmWindows);

    /// <summary>Windows in which the audience spoke while the film did.</summary>
    public long AudienceOverFilmWindows => Interlocked.Read(ref _audienceOverFilmWindows);

    /// <summary>Counts a window the film gate judged: the film's, or the audience speaking over the film.</summary>
    public void FilmJudged(bool isFilm, bool audienceOverFilm)
    {
        if (isFilm)
        {
            Interlocked.Increment(ref _filmWindows);
        }

        if (audienceOverFilm)
        {
            Interlocked.Increment(ref _audienceOverFilmWindows);
        }
    }

    public void WindowProcessed(TimeSpan latency, float levelDbfs)
    {
        Interlocked.Increment(ref _windowCount);
        _windows.Add(1);
        _latency.Record(latency.TotalMilliseconds);
        Volatile.Write(ref _levelDbfs, levelDbfs);
    }

    public void ChunkDropped()
    {
        Interlocked.Increment(ref _droppedChunks);
        _dropped.Add(1, new KeyValuePair<string, object?>("stage", "capture"));
    }

    public void WindowDropped()
    {
        Interlocked.Increment(ref _droppedWindows);
        _dropped.Add(1, new KeyValuePair<string, object?>("stage", "windows"));
    }

    public void ResultDropped()
    {
        Interlocked.Increment(ref _droppedResults);
        _dropped.Add(1, new KeyValuePair<string, object?>("stage", "results"));
    }

    /// <returns>The number of overruns so far, this one included.</returns>
    public long CaptureOverrun()
    {
        _overruns.Add(1);
        return Interlocked.Increment(ref _captureOverruns);
    }

    public void Dispose() => _meter.Dispose();
}
