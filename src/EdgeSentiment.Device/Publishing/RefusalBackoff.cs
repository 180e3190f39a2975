namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// What the broker refused in a row (a message too large for it, a topic its ACL denies): each refusal
/// holds further offers for a wait that doubles, from <c>Mqtt:OutboxPollMilliseconds</c> up to
/// <see cref="MaxWait"/>, until the timer that waits it out calls <see cref="Release"/>; each refusal is
/// worth one log line, not one per offer. The first thing the broker accepts starts it over.
/// </summary>
internal sealed class RefusalBackoff(int firstWaitMilliseconds)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    private volatile bool _holding;
    private int _inARow;
    private string? _last;

    /// <summary>True from a refusal until its wait is over: nothing of this kind is offered meanwhile, whatever else wakes the publisher.</summary>
    public bool Holding => _holding;

    /// <summary>Counts a refusal of <paramref name="what"/> (what and why); returns the wait before the next offer and whether to log it (not when it is the same as the last).</summary>
    public (TimeSpan Wait, bool Log) Refused(string what)
    {
        var wait = TimeSpan.FromMilliseconds(Math.Min(firstWaitMilliseconds * Math.Pow(2, Math.Min(_inARow, 30)), MaxWait.TotalMilliseconds));
        _inARow++;
        _holding = true;
        var log = what != _last;
        _last = what;
        return (wait, log);
    }

    /// <summary>The wait is over (called by its timer): the next wake offers again.</summary>
    public void Release() => _holding = false;

    public void Accepted()
    {
        _inARow = 0;
        _last = null;
        _holding = false;
    }
}
