using System.Text;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Control;

/// <summary>Checks the <c>Control</c> section at start, naming the key and what is allowed.</summary>
public sealed class ControlOptionsValidator : IValidateOptions<ControlOptions>
{
    /// <summary>sun_path holds 108 bytes including the terminating zero.</summary>
    public const int MaxSocketPathBytes = 107;

    public ValidateOptionsResult Validate(string? name, ControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SocketPath)
            && Encoding.UTF8.GetByteCount(Path.GetFullPath(options.SocketPath)) > MaxSocketPathBytes)
        {
            failures.Add($"Control:SocketPath '{options.SocketPath}' is longer than {MaxSocketPathBytes} bytes as a full path; allowed: a shorter path (a Unix socket path limit).");
        }

        if (string.IsNullOrWhiteSpace(options.AllowedGroup) || options.AllowedGroup.AsSpan().IndexOfAny(":\n\r ") >= 0)
        {
            failures.Add($"Control:AllowedGroup is '{options.AllowedGroup}'; allowed: a group name such as edgesentiment.");
        }

        if (options.LedTestStepMilliseconds is < 10 or > 10_000)
        {
            failures.Add($"Control:LedTestStepMilliseconds is {options.LedTestStepMilliseconds}; allowed: 10 to 10000.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
