namespace EdgeSentiment.Device.Booth;

/// <summary>
/// Turns raw button levels into presses: a level counts only after it held for the debounce time,
/// and a press is the change from released to pressed, so contact bounce and a held button count once.
/// </summary>
public sealed class ButtonDebouncer
{
    private readonly TimeSpan _debounce;
    private bool _stable;
    private bool _candidate;
    private TimeSpan _candidateSince;

    public ButtonDebouncer(TimeSpan debounce) => _debounce = debounce;

    /// <summary>Feeds one reading taken at <paramref name="at"/>; true exactly once per press.</summary>
    public bool Observe(bool pressed, TimeSpan at)
    {
        if (pressed != _candidate)
        {
            _candidate = pressed;
            _candidateSince = at;
            return false;
        }

        if (_candidate == _stable || at - _candidateSince < _debounce)
        {
            return false;
        }

        _stable = _candidate;
        return _stable;
    }
}
