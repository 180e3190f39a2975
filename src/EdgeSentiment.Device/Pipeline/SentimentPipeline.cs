using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Segmentation;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// capture → windows → features and model → mood → sinks, each stage on its own loop joined by
/// bounded channels. With a live source a stage that falls behind loses the oldest items (counted
/// in <see cref="PipelineMetrics"/>), so a slow board loses audio, never memory. Audio stays in
/// pooled buffers inside the process; only results reach the sinks.
/// </summary>
public sealed class SentimentPipeline
{
    private readonly IAudioSource _source;
    private readonly ClassifyWindow _classify;
    private readonly PipelineSettings _settings;
    private readonly PipelineMetrics _metrics;
    private readonly PipelineHeartbeat _heartbeat;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SinkWorker[] _sinks;
    private readonly MoodSmoother _smoother;
    private readonly float[] _probabilities = new float[SentimentLabels.Count];
    private readonly FilmGate _filmGate;
    private readonly IAudioTap? _tap;
    private volatile bool _captureFault;
    private CaptureOutput? _output;

    public SentimentPipeline(
        IAudioSource source,
        ClassifyWindow classify,
        IReadOnlyList<IMoodSink> sinks,
        PipelineSettings settings,
        PipelineMetrics metrics,
        PipelineHeartbeat heartbeat,
        TimeProvider time,
        ILogger logger,
        IAudioTap? tap = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(classify);
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(heartbeat);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _source = source;
        _classify = classify;
        _settings = settings;
        _smoother = new MoodSmoother(settings.Mood);
        _filmGate = new FilmGate(settings.FilmGate, SpeechDetectorSettings.Default, CaptureFormat.SampleRate, settings.Windows.WindowSamples(CaptureFormat.SampleRate));
        _metrics = metrics;
        _heartbeat = heartbeat;
        _time = time;
        _logger = logger;
        _tap = tap;
        _sinks = new SinkWorker[sinks.Count];
        for (var i = 0; i < sinks.Count; i++)
        {
            _sinks[i] = new SinkWorker(sinks[i], settings.SinkQueueCapacity, logger);
        }
    }

    public IReadOnlyList<SinkWorker> Sinks => _sinks;

    public bool CaptureFault => _captureFault;

    /// <summary>What the source stopped with when it failed, rather than ended or was stopped; null otherwise.</summary>
    public Exception? SourceFailure { get; private set; }

    /// <summary>Overruns the capture device reported; valid once <see cref="RunAsync"/> has started.</summary>
    public long Overruns => _output?.Overruns ?? 0;

    /// <summary>
    /// Runs until the source ends or <paramref name="cancellationToken"/> fires, then lets the
    /// queued audio through and gives the sinks <see cref="PipelineSettings.DrainTimeout"/> to finish.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var fullMode = _source.IsLive ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait;
        var chunks = Channel.CreateBounded<AudioChunk>(
            Options(_settings.ChunkQueueCapacity, fullMode),
            dropped =>
            {
                dropped.Return();
                _metrics.ChunkDropped();
            });
        var windows = Channel.CreateBounded<AnalysisWindow>(
            Options(_settings.WindowQueueCapacity, fullMode),
            dropped =>
            {
                dropped.Return();
                _metrics.WindowDropped();
            });
        var results = Channel.CreateBounded<WindowResult>(
            Options(_settings.ResultQueueCapacity, fullMode),
            _ => _metrics.ResultDropped());

        using var sinkStop = new CancellationTokenSource();
        foreach (var sink in _sinks)
        {
            sink.Start(sinkStop.Token);
        }

        _output = new CaptureOutput(chunks.Writer, OnFaultChanged, _heartbeat.Beat, OnOverrun);
        _logger.PipelineStarted(_source.Description);

        var capture = CaptureAsync(_output, chunks.Writer, cancellationToken);
        var assemble = Task.Run(() => AssembleAsync(chunks.Reader, windows.Writer), CancellationToken.None);
        var classify = Task.Run(() => ClassifyAsync(windows.Reader, results.Writer), CancellationToken.None);
        var mood = Task.Run(() => MoodAsync(results.Reader), CancellationToken.None);
        await Task.WhenAll(capture, assemble, classify, mood).ConfigureAwait(false);

        var drains = new Task[_sinks.Length];
        for (var i = 0; i < _sinks.Length; i++)
        {
            drains[i] = _sinks[i].DrainAsync(_settings.DrainTimeout);
        }

        await Task.WhenAll(drains).ConfigureAwait(false);
        await sinkStop.CancelAsync().ConfigureAwait(false);
        _logger.PipelineStopped(_metrics.WindowsProcessed, _metrics.DroppedChunks, _metrics.DroppedWindows, _output.Overruns);
    }

    private static BoundedChannelOptions Options(int capacity, BoundedChannelFullMode fullMode) => new(capacity)
    {
        FullMode = fullMode,
        SingleReader = true,
        SingleWriter = false,
    };

    private async Task CaptureAsync(CaptureOutput output, ChannelWriter<AudioChunk> writer, CancellationToken cancellationToken)
    {
        try
        {
            await _source.RunAsync(output, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            SourceFailure = e;
            _logger.SourceCrashed(_source.Description, e);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task AssembleAsync(ChannelReader<AudioChunk> chunks, ChannelWriter<AnalysisWindow> windows)
    {
        var assembler = new WindowAssembler(_settings.Windows, CaptureFormat.SampleRate);

        // What the echo canceller removed is cut into the same windows: both assemblers take the
        // same spans, so their windows match as long as both have received every sample.
        var removedAssembler = new WindowAssembler(_settings.Windows, CaptureFormat.SampleRate);
        try
        {
            await foreach (var chunk in chunks.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    Tap(chunk, assembler.SamplesReceived);
                    var offset = 0;
                    while (offset < chunk.Count)
                    {
                        var taken = assembler.Append(chunk.Buffer.AsSpan(offset, chunk.Count - offset));
                        if (chunk.Removed is not null)
                        {
                            removedAssembler.Append(chunk.Removed.AsSpan(offset, taken));
                        }

                        offset += taken;
                        if (assembler.IsWindowReady)
                        {
                            var buffer = ArrayPool<float>.Shared.Rent(assembler.WindowSamples);
                            assembler.CopyWindowTo(buffer);
                            float[]? removed = null;
                            if (chunk.Removed is not null && removedAssembler.IsWindowReady && removedAssembler.SamplesReceived == assembler.SamplesReceived)
                            {
                                removed = ArrayPool<float>.Shared.Rent(removedAssembler.WindowSamples);
                                removedAssembler.CopyWindowTo(removed);
                            }

                            var start = TimeSpan.FromSeconds((double)assembler.WindowStart / CaptureFormat.SampleRate);
                            var window = new AnalysisWindow(buffer, assembler.WindowSamples, start, removed);
                            if (!windows.TryWrite(window))
                            {
                                await windows.WriteAsync(window).ConfigureAwait(false);
                            }
                        }
                    }
                }
                finally
                {
                    chunk.Return();
                }
            }
        }
        finally
        {
            windows.TryComplete();
        }
    }

    private void Tap(AudioChunk chunk, long samplesBefore)
    {
        if (_tap is null)
        {
            return;
        }

        try
        {
            _tap.OnAudio(chunk.Samples, TimeSpan.FromSeconds((double)samplesBefore / CaptureFormat.SampleRate));
        }
        catch (Exception e)
        {
            // The tap (the review booth) handles its own failures; whatever escapes must not stop the mood.
            _logger.TapFailed(e);
        }
    }

    private async Task ClassifyAsync(ChannelReader<AnalysisWindow> windows, ChannelWriter<WindowResult> results)
    {
        try
        {
            await foreach (var window in windows.ReadAllAsync().ConfigureAwait(false))
            {
                WindowResult result;
                var started = Stopwatch.GetTimestamp();
                _heartbeat.WorkStarted();
                try
                {
                    result = _classify(window.Samples, window.Start);
                    // Every window with a reference is judged, speech or not: the summaries count
                    // the windows the film spoke in, and the audience speaking over it.
                    if (window.Removed is not null)
                    {
                        var film = _filmGate.Decide(window.Samples, window.RemovedSamples);
                        result = result with { IsFilm = film.IsFilm, FilmSpeaks = film.FilmSpeaks };
                    }
                }
                catch (Exception e)
                {
                    _logger.ClassifyFailed(e);
                    continue;
                }
                finally
                {
                    _heartbeat.WorkFinished();
                    window.Return();
                }

                _metrics.WindowProcessed(Stopwatch.GetElapsedTime(started), result.LevelDbfs);
                _metrics.FilmJudged(result.IsFilm, result.IsAudienceOverFilm);
                if (!results.TryWrite(result))
                {
                    await results.WriteAsync(result).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            results.TryComplete();
        }
    }

    private async Task MoodAsync(ChannelReader<WindowResult> results)
    {
        var previous = _smoother.Mood;
        await foreach (var result in results.ReadAllAsync().ConfigureAwait(false))
        {
            _probabilities[(int)SentimentLabel.Negative] = result.Scores.Negative;
            _probabilities[(int)SentimentLabel.Neutral] = result.Scores.Neutral;
            _probabilities[(int)SentimentLabel.Positive] = result.Scores.Positive;
            var mood = _smoother.Update(result.IsAudienceSpeech, result.IsFilm, _probabilities);
            if (mood != previous)
            {
                _logger.MoodChanged(mood);
                previous = mood;
            }

            Post(new MoodUpdate(_time.GetUtcNow(), mood, _captureFault, result));
        }
    }

    private void OnFaultChanged(bool faulted)
    {
        _captureFault = faulted;
        Post(new MoodUpdate(_time.GetUtcNow(), faulted ? AudienceMood.NoSpeech : _smoother.Mood, faulted, null));
    }

    private void OnOverrun()
    {
        // Logged at 1, 2, 4, 8, ... overruns: a board that cannot keep up must not fill the journal.
        var overruns = _metrics.CaptureOverrun();
        if ((overruns & (overruns - 1)) == 0)
        {
            _logger.CaptureOverrun(overruns);
        }
    }

    private void Post(MoodUpdate update)
    {
        foreach (var sink in _sinks)
        {
            sink.Post(update);
        }
    }
}
