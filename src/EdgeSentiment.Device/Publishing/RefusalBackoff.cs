namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// What the broker refused in a row (a message too large for it, a topic its ACL denies): each refusal
/// doubles the wait before the next offer, from <c>Mqtt:OutboxPollMilliseconds</c> up to
/// <see cref="MaxWait"/>, and each refusal is worth one log line, not one a second. The first thing
/// the broker accepts starts it over.
/// </summary>
internal sealed class RefusalBackoff(TimeProvider time, int firstWaitMilliseconds)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    private int _inARow;
    private string? _last;

    /// <summary>Before this, what was refused is not offered again.</summary>
    public DateTimeOffset NotBefore { get; private set; } = DateTimeOffset.MinValue;

    public bool Waiting => time.GetUtcNow() < NotBefore;

    /// <summary>Counts a refusal of <paramref name="what"/> (what and why); returns the wait before the next offer and whether to log it (not when it is the same as the last).</summary>
    public (TimeSpan Wait, bool Log) Refused(string what)
    {
        var wait = TimeSpan.FromMilliseconds(Math.Min(firstWaitMilliseconds * Math.Pow(2, Math.Min(_inARow, 30)), MaxWait.TotalMilliseconds));
        _inARow++;
        NotBefore = time.GetUtcNow() + wait;
        var log = what != _last;
        _last = what;
        return (wait, log);
    }

    public void Accepted()
    {
        _inARow = 0;
        _last = null;
        NotBefore = DateTimeOffset.MinValue;
    }
}
