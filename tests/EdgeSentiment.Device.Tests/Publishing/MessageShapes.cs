using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Publishing;

/// <summary>
/// Checks received messages against the JSON Schemas in docs/mqtt/, so the documentation and the
/// payloads cannot drift apart. Understands the keywords those schemas use, and fails on any other.
/// </summary>
public static class MessageShapes
{
    public static void AssertStatus(JsonElement message) => AssertValid("status", message);

    public static void AssertMood(JsonElement message) => AssertValid("mood", message);

    public static void AssertSummary(JsonElement message) => AssertValid("summary", message);

    public static void AssertSession(JsonElement message) => AssertValid("session", message);

    /// <summary>A booth review's document, as the studio reads it once opened.</summary>
    public static void AssertReviewDocument(JsonElement document) => AssertValid("review-document", document);

    private static void AssertValid(string name, JsonElement message)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "mqtt", $"{name}.schema.json")));
        var errors = new List<string>();
        Check(schema.RootElement, message, "$", errors);
        Assert.True(errors.Count == 0, $"{name} message {message} does not match docs/mqtt/{name}.schema.json: {string.Join("; ", errors)}");
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            var rule = keyword.Value;
            switch (keyword.Name)
            {
                case "$schema" or "$id" or "title" or "description" or "properties":
                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        var index = 0;
                        foreach (var item in value.EnumerateArray())
                        {
                            Check(rule, item, $"{path}[{index++}]", errors);
                        }
                    }

                    break;
                case "type":
                    // One type name, or an array of them (e.g. ["string", "null"]).
                    var types = rule.ValueKind == JsonValueKind.Array ? rule.EnumerateArray().Select(t => t.GetString()!).ToList() : [rule.GetString()!];
                    Expect(types.Any(type => IsOfType(type, value)), path, $"is not of type {rule}", errors);
                    break;
                case "const":
                    Expect(JsonElement.DeepEquals(rule, value), path, $"is not {rule}", errors);
                    break;
                case "enum":
                    Expect(rule.EnumerateArray().Any(option => JsonElement.DeepEquals(option, value)), path, $"is not one of {rule}", errors);
                    break;
                case "required":
                    foreach (var property in rule.EnumerateArray())
                    {
                        Expect(value.ValueKind != JsonValueKind.Object || value.TryGetProperty(property.GetString()!, out _), path, $"lacks '{property.GetString()}'", errors);
                    }

                    break;
                case "additionalProperties" when rule.ValueKind == JsonValueKind.False && value.ValueKind != JsonValueKind.Object:
                    break;
                case "additionalProperties" when rule.ValueKind == JsonValueKind.False:
                    foreach (var property in value.EnumerateObject())
                    {
                        Expect(schema.GetProperty("properties").TryGetProperty(property.Name, out _), path, $"has the undocumented property '{property.Name}'", errors);
                    }

                    break;
                case "minimum":
                    Expect(value.ValueKind == JsonValueKind.Number && value.GetDouble() >= rule.GetDouble(), path, $"is below {rule}", errors);
                    break;
                case "maximum":
                    Expect(value.ValueKind == JsonValueKind.Number && value.GetDouble() <= rule.GetDouble(), path, $"is above {rule}", errors);
                    break;
                case "pattern":
                    Expect(value.ValueKind == JsonValueKind.String && Regex.IsMatch(value.GetString()!, rule.GetString()!), path, $"does not match {rule}", errors);
                    break;
                case "format":
                    var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
                    var formatted = rule.GetString() switch
                    {
                        "uuid" => Guid.TryParseExact(text, "D", out _),
                        "date-time" => DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                        var other => throw new InvalidOperationException($"schema format '{other}' is not understood by this checker"),
                    };
                    Expect(formatted, path, $"is not a {rule}", errors);
                    break;
                default:
                    throw new InvalidOperationException($"schema keyword '{keyword.Name}' is not understood by this checker");
            }
        }

        if (schema.TryGetProperty("properties", out var properties) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (value.TryGetProperty(property.Name, out var child))
                {
                    Check(property.Value, child, $"{path}.{property.Name}", errors);
                }
            }
        }
    }

    private static bool IsOfType(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new InvalidOperationException($"schema type '{type}' is not understood by this checker"),
    };

    private static void Expect(bool condition, string path, string problem, List<string> errors)
    {
        if (!condition)
        {
            errors.Add($"{path} {problem}");
        }
    }
}
