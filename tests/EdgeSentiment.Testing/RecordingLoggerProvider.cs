using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Testing;

/// <summary>Sends every category of a host's logging to one <see cref="ListLogger"/>.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ListLogger _logger;

    public RecordingLoggerProvider(ListLogger logger)
    {
        _logger = logger;
    }

    public ILogger CreateLogger(string categoryName) => _logger;

    public void Dispose()
    {
    }
}
