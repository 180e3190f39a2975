using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Testing;

/// <summary>Hands a recording logger to a class that asks for <see cref="ILogger{T}"/>.</summary>
public sealed class TypedLogger<T> : ILogger<T>
{
    private readonly ILogger _inner;

    public TypedLogger(ILogger inner)
    {
        _inner = inner;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _inner.Log(logLevel, eventId, state, exception, formatter);
}
