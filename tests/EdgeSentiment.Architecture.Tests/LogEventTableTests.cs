using System.Reflection;
using System.Text.RegularExpressions;
using EdgeSentiment.Device;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Architecture.Tests;

/// <summary>One event-id table: every log message takes its id from <see cref="LogEvents"/>, once, and docs/agent.md lists them all.</summary>
public sealed partial class LogEventTableTests
{
    private static readonly Dictionary<string, int> Table = typeof(LogEvents)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .ToDictionary(field => field.Name, field => (int)field.GetRawConstantValue()!);

    [Fact]
    public void LogEvents_EveryIdOnce_InTheHundredsOfItsStage()
    {
        Assert.True(Table.Count >= 40, $"{Table.Count} events");
        Assert.Equal(Table.Count, Table.Values.Distinct().Count());
        Assert.All(Table.Values, id => Assert.InRange(id, 100, 899));
    }

    [Fact]
    public void LoggerMessages_EachUseTheirOwnEventFromTheTable()
    {
        var messages = typeof(LogEvents).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(pair => pair.Attribute is not null)
            .ToList();

        var used = messages.Select(pair => pair.Attribute!.EventId).ToList();
        Assert.Equal(used.Count, used.Distinct().Count());
        Assert.Equal(Table.Values.Order(), used.Order());
    }

    [Fact]
    public void AgentDocs_ListEveryEventWithItsId()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "agent.md"));
        var listed = TableRow().Matches(docs).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Table.OrderBy(pair => pair.Key), listed.OrderBy(pair => pair.Key));
    }

    [GeneratedRegex(@"^\| (?<id>\d{3}) \| \w+ \| (?<name>\w+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
