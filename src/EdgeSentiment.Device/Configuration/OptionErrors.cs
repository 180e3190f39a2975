using System.Globalization;

namespace EdgeSentiment.Device.Configuration;

/// <summary>Collects validation failures, each naming the configuration key and what it may be.</summary>
internal sealed class OptionErrors
{
    private readonly string _section;
    private readonly List<string> _errors = [];

    public OptionErrors(string section) => _section = section;

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<string> Messages => _errors;

    public void Enum<TEnum>(string key, string value)
        where TEnum : struct, Enum
    {
        if (!System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) || !System.Enum.IsDefined(parsed)
            || int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            Add(key, value, $"one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
        }
    }

    public void Range(string key, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            Add(key, value.ToString(CultureInfo.InvariantCulture), $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    public void NotEmpty(string key, string? value, string allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, value ?? "", allowed);
        }
    }

    public void Add(string key, string value, string allowed) =>
        _errors.Add($"{_section}:{key} is '{value}'; allowed: {allowed}.");
}
