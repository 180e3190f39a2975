using System.Runtime.ExceptionServices;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Composition;

/// <summary>
/// Runs the pipeline for the life of the host. Everything that can be wrong with the
/// configuration (model, recording, indicator wiring) fails in the constructor, before systemd
/// is told we are ready; a missing microphone does not, the source retries it.
/// </summary>
public sealed class PipelineService : IHostedService, IDisposable
{
    private readonly SentimentPipeline _pipeline;
    private readonly IMoodIndicator _indicator;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<PipelineService> _logger;
    private readonly TimeSpan _drain;
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public PipelineService(
        IAudioSource source,
        ClassifyWindow classify,
        IMoodIndicator indicator,
        IEnumerable<IMoodSink> sinks,
        IEnumerable<IAudioTap> taps,
        IOptions<PipelineOptions> pipelineOptions,
        PipelineMetrics metrics,
        PipelineHeartbeat heartbeat,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<PipelineService> logger)
    {
        ArgumentNullException.ThrowIfNull(pipelineOptions);
        var options = pipelineOptions.Value;
        _indicator = indicator;
        _lifetime = lifetime;
        _logger = logger;
        _drain = TimeSpan.FromSeconds(options.DrainSeconds);
        var settings = new PipelineSettings
        {
            ChunkQueueCapacity = options.ChunkQueueCapacity,
            WindowQueueCapacity = options.WindowQueueCapacity,
            ResultQueueCapacity = options.ResultQueueCapacity,
            SinkQueueCapacity = options.SinkQueueCapacity,
            DrainTimeout = _drain,
        };
        _pipeline = new SentimentPipeline(
            source,
            classify,
            [.. sinks],
            settings,
            metrics,
            heartbeat,
            time,
            logger,
            AudioTaps.Of(taps));
    }

    public SentimentPipeline Pipeline => _pipeline;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = RunAsync();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            // The pipeline drains within DrainTimeout; allow a little more, then turn the LEDs off regardless.
            await _running.WaitAsync(_drain + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _indicator.TurnOff();
            _logger.AgentStopped();
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task RunAsync()
    {
        await Task.Yield();
        await _pipeline.RunAsync(_stop.Token).ConfigureAwait(false);
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        if (_pipeline.SourceFailure is { } failure)
        {
            // A source that fails is a fault, not the end of a recording: stopping with it (StopAsync
            // rethrows it) ends the agent with a non-zero exit code, so systemd restarts it.
            _lifetime.StopApplication();
            ExceptionDispatchInfo.Throw(failure);
        }

        _logger.SourceEnded();
        _lifetime.StopApplication();
    }
}
