using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Integration.Tests.Storage;

/// <summary>A logger that keeps every entry, so a test can assert what was logged and that nothing else reached Error.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId Id, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _entries.Enqueue((logLevel, eventId, formatter(state, exception)));
    }

    public int Count(int eventId) => Entries.Count(e => e.Id.Id == eventId);

    public void AssertNoErrors() =>
        Assert.DoesNotContain(Entries, e => e.Level >= LogLevel.Error);
}
