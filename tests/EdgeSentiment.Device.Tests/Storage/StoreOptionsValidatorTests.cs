using EdgeSentiment.Device.Storage;

namespace EdgeSentiment.Device.Tests.Storage;

public sealed class StoreOptionsValidatorTests
{
    private readonly StoreOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid() => Assert.True(_validator.Validate(null, new StoreOptions()).Succeeded);

    [Fact]
    public void BadValues_AreEachNamedWithWhatIsAllowed()
    {
        var options = new StoreOptions { DatabasePath = " ", RetentionDays = 0, MaxFileMegabytes = -1, OutboxMaxEntries = 0 };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(4, failures.Count);
        Assert.Contains("Store:DatabasePath is empty; allowed: the path of the database file, e.g. /var/lib/edgesentiment/results.db", failures);
        Assert.Contains("Store:RetentionDays is 0; allowed: a whole number of days from 1 to 3650", failures);
        Assert.Contains("Store:MaxFileMegabytes is -1; allowed: a whole number of megabytes from 1 to 65536", failures);
        Assert.Contains("Store:OutboxMaxEntries is 0; allowed: a whole number of entries from 1 to 1000000", failures);
    }
}
