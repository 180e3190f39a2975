using System.Reflection;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Control;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Transcription;
using Microsoft.Extensions.Configuration;

namespace EdgeSentiment.Device.Composition;

/// <summary>
/// Keys in the agent's own sections that no option reads: a typo ("Capture:Sorce") would otherwise be
/// ignored and the device would run on the default, so each is named with the nearest real key.
/// </summary>
public static class UnknownSettings
{
    private static readonly (string Section, Type Options)[] Sections =
    [
        (CaptureOptions.SectionName, typeof(CaptureOptions)),
        (IndicatorOptions.SectionName, typeof(IndicatorOptions)),
        (PipelineOptions.SectionName, typeof(PipelineOptions)),
        (StoreOptions.SectionName, typeof(StoreOptions)),
        (MqttOptions.SectionName, typeof(MqttOptions)),
        (ControlOptions.SectionName, typeof(ControlOptions)),
        (BoothOptions.SectionName, typeof(BoothOptions)),
        (TranscriptionOptions.SectionName, typeof(TranscriptionOptions)),
    ];

    /// <summary>Every key of the agent's sections, as <c>Section:Key</c>.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        [.. Sections.SelectMany(s => KeysOf(s.Options).Select(key => $"{s.Section}:{key}"))];

    /// <summary>The agent's sections, each with its keys, in the order the agent builds them.</summary>
    public static IEnumerable<(string Section, IReadOnlyList<string> Keys)> BySection() =>
        Sections.Select(s => (s.Section, (IReadOnlyList<string>)KeysOf(s.Options)));

    /// <summary>One line per unknown key, naming it and the nearest key of its section.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var failures = new List<string>();
        foreach (var (section, options) in Sections)
        {
            var known = KeysOf(options);
            foreach (var child in configuration.GetSection(section).GetChildren())
            {
                if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    failures.Add($"{section}:{child.Key} is not a setting; did you mean {section}:{Nearest(child.Key, known)}?");
                }
            }
        }

        return failures;
    }

    /// <summary>Whether <paramref name="key"/> (<c>Section:Key</c>, or <c>Section:List:N</c>, any case) is a key of the agent's sections.</summary>
    public static bool IsKnown(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Keys.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        // An entry of a list setting, e.g. Booth:Recipients:0.
        var last = key.LastIndexOf(':');
        return last > 0 && key[(last + 1)..] is { Length: > 0 } index && index.All(char.IsAsciiDigit)
            && Keys.Contains(key[..last], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The key of the agent's sections nearest to <paramref name="key"/>: within its section when the
    /// section is the agent's, else over every key, compared whole and by its last part.
    /// </summary>
    public static string Nearest(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var section = key[..colon];
            foreach (var (name, options) in Sections)
            {
                if (string.Equals(name, section, StringComparison.OrdinalIgnoreCase))
                {
                    return $"{name}:{Nearest(key[(colon + 1)..], KeysOf(options))}";
                }
            }
        }

        var upper = key.ToUpperInvariant();
        return Keys.MinBy(candidate => Math.Min(
            Distance(upper, candidate.ToUpperInvariant()),
            Distance(upper, candidate[(candidate.IndexOf(':', StringComparison.Ordinal) + 1)..].ToUpperInvariant()))) ?? string.Empty;
    }

    private static string[] KeysOf(Type options) =>
        [.. options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsList(p.PropertyType)).Select(p => p.Name)];

    // A list the binder fills in place (Booth:Recipients) is a setting although it has no setter.
    private static bool IsList(Type type) => type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static string Nearest(string key, string[] known) =>
        known.MinBy(candidate => Distance(key.ToUpperInvariant(), candidate.ToUpperInvariant())) ?? string.Empty;

    // Levenshtein distance; keys are short, so the plain two-row form is enough.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
