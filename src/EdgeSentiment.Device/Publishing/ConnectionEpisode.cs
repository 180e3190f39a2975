namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// Follows one stretch of failed connection attempts, so the log says why once, not every few
/// seconds for a night: the first failure and every change of reason are worth a warning, a
/// repeat is not; a success ends the stretch and reports how many attempts it took.
/// </summary>
public sealed class ConnectionEpisode
{
    private string? _reason;
    private int _failures;

    /// <summary>Failed attempts since the last successful connection.</summary>
    public int Failures => _failures;

    /// <summary>Counts a failed attempt; true when it is the first of the stretch or its reason differs from the previous one.</summary>
    public bool Fail(string reason)
    {
        _failures++;
        var news = !string.Equals(reason, _reason, StringComparison.Ordinal);
        _reason = reason;
        return news;
    }

    /// <summary>Starts a stretch with a lost connection: logged on its own, and not an attempt that failed.</summary>
    public void Lose(string reason) => _reason = reason;

    /// <summary>Ends the stretch; returns how many attempts failed before this success (0 when none did).</summary>
    public int Succeed()
    {
        var failures = _failures;
        _failures = 0;
        _reason = null;
        return failures;
    }
}
