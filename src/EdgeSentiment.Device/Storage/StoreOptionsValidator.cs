using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Storage;

/// <summary>Stops the agent at start when a <c>Store</c> setting is wrong, naming the key and what it accepts.</summary>
public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add($"{StoreOptions.SectionName}:{nameof(StoreOptions.DatabasePath)} is empty; allowed: the path of the database file, e.g. /var/lib/edgesentiment/results.db");
        }

        if (string.IsNullOrWhiteSpace(options.KeyFile))
        {
            failures.Add($"{StoreOptions.SectionName}:{nameof(StoreOptions.KeyFile)} is empty; allowed: the path of the key file, e.g. /etc/edgesentiment/edgesentiment.key");
        }

        Range(failures, nameof(StoreOptions.RetentionDays), options.RetentionDays, 1, 3650, "days");
        Range(failures, nameof(StoreOptions.MaxFileMegabytes), options.MaxFileMegabytes, 1, 65_536, "megabytes");
        Range(failures, nameof(StoreOptions.OutboxMaxEntries), options.OutboxMaxEntries, 1, 1_000_000, "entries");
        Range(failures, nameof(StoreOptions.OutboxMaxAgeHours), options.OutboxMaxAgeHours, 1, 8760, "hours");
        Range(failures, nameof(StoreOptions.MaintenanceIntervalMinutes), options.MaintenanceIntervalMinutes, 1, 1440, "minutes");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max, string unit)
    {
        if (value < min || value > max)
        {
            failures.Add($"{StoreOptions.SectionName}:{key} is {value}; allowed: a whole number of {unit} from {min} to {max}");
        }
    }
}
