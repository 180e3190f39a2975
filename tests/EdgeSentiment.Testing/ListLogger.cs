using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Testing;

/// <summary>A logger that keeps every entry, for tests that check what was logged, how often, and that nothing reached Error.</summary>
public sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, EventId Id, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public int Count(int eventId)
    {
        var count = 0;
        foreach (var entry in Entries)
        {
            if (entry.Id.Id == eventId)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Fails the test when anything reached Error: a test that made the code under it log an error has found a defect.</summary>
    public void AssertNoErrors() =>
        Assert.DoesNotContain(Entries, e => e.Level >= LogLevel.Error);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_entries)
        {
            _entries.Add((logLevel, eventId, formatter(state, exception)));
        }
    }
}
