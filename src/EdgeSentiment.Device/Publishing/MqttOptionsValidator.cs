using System.Text.RegularExpressions;
using EdgeSentiment.Device.Storage.Sealing;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Publishing;

/// <summary>Stops the agent at start when an <c>Mqtt</c> setting is wrong, naming the key and what it accepts.</summary>
public sealed partial class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add(Key(nameof(MqttOptions.Host)) + " is empty; allowed: the broker's host name or IP address");
        }
        else if (Uri.CheckHostName(options.Host.Trim()) == UriHostNameType.Unknown)
        {
            failures.Add(HostFailure(options.Host));
        }

        if (options.DeviceId is null || !DeviceIdPattern().IsMatch(options.DeviceId))
        {
            failures.Add($"{Key(nameof(MqttOptions.DeviceId))} is '{options.DeviceId}'; allowed: 1 to 64 letters, digits, '-' or '_' (it becomes part of every topic)");
        }

        Range(failures, nameof(MqttOptions.Port), options.Port, 1, 65_535, "a TCP port");
        Range(failures, nameof(MqttOptions.KeepAliveSeconds), options.KeepAliveSeconds, 5, 3_600, "seconds");
        Range(failures, nameof(MqttOptions.ReconnectMinMilliseconds), options.ReconnectMinMilliseconds, 10, 600_000, "milliseconds");
        Range(failures, nameof(MqttOptions.ReconnectMaxMilliseconds), options.ReconnectMaxMilliseconds, Math.Max(10, options.ReconnectMinMilliseconds), 3_600_000, $"milliseconds, at least {Key(nameof(MqttOptions.ReconnectMinMilliseconds))}");
        Range(failures, nameof(MqttOptions.OutboxPollMilliseconds), options.OutboxPollMilliseconds, 10, 600_000, "milliseconds");
        Range(failures, nameof(MqttOptions.TimeoutSeconds), options.TimeoutSeconds, 1, 300, "seconds");

        if (options.HomeAssistantDiscovery && (options.HomeAssistantPrefix is null || !DiscoveryPrefixPattern().IsMatch(options.HomeAssistantPrefix)))
        {
            failures.Add($"{Key(nameof(MqttOptions.HomeAssistantPrefix))} is '{options.HomeAssistantPrefix}'; allowed: Home Assistant's discovery prefix, e.g. homeassistant (letters, digits, '-', '_', '/' inside; no '+' or '#')");
        }

        if (!options.AllowInsecure)
        {
            ExistingFile(failures, nameof(MqttOptions.CaFile), options.CaFile, required: true, $"the PEM file of the broker's CA (or set {Key(nameof(MqttOptions.AllowInsecure))} to true for plain TCP)");
            ExistingFile(failures, nameof(MqttOptions.ClientCertificateFile), options.ClientCertificateFile, required: !string.IsNullOrEmpty(options.ClientKeyFile), "the device's PEM certificate, given together with ClientKeyFile");
            ExistingFile(failures, nameof(MqttOptions.ClientKeyFile), options.ClientKeyFile, required: !string.IsNullOrEmpty(options.ClientCertificateFile), "the PEM private key of ClientCertificateFile");
            OwnerOnly(failures, nameof(MqttOptions.ClientKeyFile), options.ClientKeyFile, "private key file");
        }

        ExistingFile(failures, nameof(MqttOptions.CredentialsFile), options.CredentialsFile, required: false, "a file with the user name on line 1 and the password on line 2, or empty");
        OwnerOnly(failures, nameof(MqttOptions.CredentialsFile), options.CredentialsFile, "credentials file");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string property) => $"{MqttOptions.SectionName}:{property}";

    // A URL (mqtt://broker:1883) would otherwise be looked up as a host name, and retried forever.
    private static string HostFailure(string host)
    {
        var failure = $"{Key(nameof(MqttOptions.Host))} is '{host}'; allowed: the broker's host name or IP address alone, without a scheme, port or path";
        return Uri.TryCreate(host, UriKind.Absolute, out var url) && url.Host.Length > 0
            ? $"{failure} (here {Key(nameof(MqttOptions.Host))} {url.Host}" + (url.IsDefaultPort || url.Port < 0 ? ")" : $" and {Key(nameof(MqttOptions.Port))} {url.Port})")
            : failure;
    }

    private static void Range(List<string> failures, string key, int value, int min, int max, string unit)
    {
        if (value < min || value > max)
        {
            failures.Add($"{Key(key)} is {value}; allowed: {unit} from {min} to {max}");
        }
    }

    private static void ExistingFile(List<string> failures, string key, string? path, bool required, string allowed)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            if (required)
            {
                failures.Add($"{Key(key)} is empty; allowed: {allowed}");
            }

            return;
        }

        if (!File.Exists(path))
        {
            failures.Add($"{Key(key)} is '{path}', which does not exist; allowed: {allowed}");
        }
    }

    // The same rule as the store's key file (OwnerOnlyFile), so a secret readable by others stops the start.
    private static void OwnerOnly(List<string> failures, string key, string? path, string what)
    {
        if (!string.IsNullOrWhiteSpace(path) && OwnerOnlyFile.Problem(path, what) is { } problem)
        {
            failures.Add($"{Key(key)}: {problem}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$")]
    private static partial Regex DiscoveryPrefixPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex DeviceIdPattern();
}
