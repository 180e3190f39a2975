using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Testing;

/// <summary>What the tests ask of a <see cref="FakeLogger"/>: how often an event was logged, and that nothing reached Error.</summary>
public static class FakeLoggerExtensions
{
    /// <summary>How many records so far carry <paramref name="eventId"/> (one of <c>LogEvents</c>).</summary>
    public static int Count(this FakeLogger logger, int eventId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var count = 0;
        foreach (var record in logger.Collector.GetSnapshot())
        {
            if (record.Id.Id == eventId)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Fails the test when anything reached Error: a test that made the code under it log an error has found a defect.</summary>
    public static void AssertNoErrors(this FakeLogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), record => record.Level >= LogLevel.Error);
    }
}
