using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// One sink's own bounded queue and loop: a sink that is slow drops its oldest updates, and a
/// sink that throws is logged and keeps receiving; neither holds up the other sinks.
/// </summary>
public sealed class SinkWorker
{
    private readonly IMoodSink _sink;
    private readonly Channel<MoodUpdate> _channel;
    private readonly ILogger _logger;
    private long _dropped;
    private long _failures;
    private Task _loop = Task.CompletedTask;

    public SinkWorker(IMoodSink sink, int capacity, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(logger);
        _sink = sink;
        _logger = logger;
        _channel = Channel.CreateBounded<MoodUpdate>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
            },
            _ => OnDropped());
    }

    public string Name => _sink.Name;

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Failures => Interlocked.Read(ref _failures);

    public void Start(CancellationToken cancellationToken) => _loop = Task.Run(() => LoopAsync(cancellationToken), CancellationToken.None);

    /// <summary>Queues <paramref name="update"/> without waiting; safe from any thread.</summary>
    public void Post(MoodUpdate update) => _channel.Writer.TryWrite(update);

    /// <summary>Lets the sink take what is queued, for at most <paramref name="timeout"/>.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        _channel.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A sink that blocks must not hold up shutdown; its loop is abandoned with the process.
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await _sink.HandleAsync(update, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref _failures);
                    _logger.SinkFailed(_sink.Name, e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void OnDropped()
    {
        var dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 100 == 0)
        {
            _logger.SinkDropping(_sink.Name, dropped);
        }
    }
}
