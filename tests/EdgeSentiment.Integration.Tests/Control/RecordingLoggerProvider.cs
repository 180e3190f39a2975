using EdgeSentiment.Integration.Tests.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Integration.Tests.Control;

/// <summary>Sends every category of a host's logging to one <see cref="RecordingLogger"/>.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly RecordingLogger _logger;

    public RecordingLoggerProvider(RecordingLogger logger)
    {
        _logger = logger;
    }

    public ILogger CreateLogger(string categoryName) => _logger;

    public void Dispose()
    {
    }
}
