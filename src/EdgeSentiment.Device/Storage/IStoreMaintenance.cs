namespace EdgeSentiment.Device.Storage;

/// <summary>Keeps the store within its limits: age, file size and outbox age.</summary>
public interface IStoreMaintenance
{
    /// <summary>Removes records past the retention age or beyond the size limit and compacts when worthwhile.</summary>
    RetentionReport ApplyRetention(DateTime nowUtc);
}
