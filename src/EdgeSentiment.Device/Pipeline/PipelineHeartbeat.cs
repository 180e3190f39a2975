namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// Whether the pipeline is making progress: capture beats on every chunk and every retry, and a
/// window being classified must finish in time. The host pings the systemd watchdog only while
/// <see cref="Silence"/> is short, so a hung device read or a stuck model gets the service restarted.
/// </summary>
public sealed class PipelineHeartbeat
{
    private const long Idle = -1;
    private readonly TimeProvider _time;
    private long _lastBeat;
    private long _workSince = Idle;

    public PipelineHeartbeat(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _lastBeat = time.GetTimestamp();
    }

    /// <summary>Capture is alive: audio arrived, or a retry ran.</summary>
    public void Beat() => Interlocked.Exchange(ref _lastBeat, _time.GetTimestamp());

    /// <summary>A window is being classified from now on.</summary>
    public void WorkStarted() => Interlocked.Exchange(ref _workSince, _time.GetTimestamp());

    public void WorkFinished() => Interlocked.Exchange(ref _workSince, Idle);

    /// <summary>The longer of: time since capture last beat, and time the current window has been classifying.</summary>
    public TimeSpan Silence
    {
        get
        {
            var sinceBeat = _time.GetElapsedTime(Interlocked.Read(ref _lastBeat));
            var workSince = Interlocked.Read(ref _workSince);
            var working = workSince == Idle ? TimeSpan.Zero : _time.GetElapsedTime(workSince);
            return sinceBeat > working ? sinceBeat : working;
        }
    }
}
