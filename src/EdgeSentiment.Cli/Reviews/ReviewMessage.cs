using System.Text.RegularExpressions;
using MQTTnet;
using MQTTnet.Packets;

namespace EdgeSentiment.Cli.Reviews;

/// <summary>
/// What one MQTT message says about the review part it carries, read from its user properties
/// (<c>review</c>, <c>part</c>, <c>device</c>; the topic names the device when the property is missing).
/// </summary>
public sealed partial record ReviewMessage(string Id, ReviewPart Part, string Device)
{
    /// <summary>Reads the message's user properties; false, with the reason in <paramref name="problem"/>, when
    /// they are missing or the review id could not be a file name.</summary>
    public static bool TryRead(MqttApplicationMessage message, out ReviewMessage? review, out string problem)
    {
        ArgumentNullException.ThrowIfNull(message);
        review = null;
        var id = Property(message.UserProperties, "review");
        var part = Property(message.UserProperties, "part");
        var device = Property(message.UserProperties, "device") ?? DeviceOfTopic(message.Topic);
        if (id is null || part is null)
        {
            problem = $"a message on {message.Topic} has no 'review' or 'part' user property";
            return false;
        }

        if (!IsSafeId(id))
        {
            problem = $"a message on {message.Topic} names the review '{Printable(id)}', which is not a review id (letters, digits, '-', '_' and '.', no '..')";
            return false;
        }

        ReviewPart? kind = part switch
        {
            "audio" => ReviewPart.Audio,
            "document" => ReviewPart.Document,
            _ => null,
        };
        if (kind is null)
        {
            problem = $"review {id}: a message on {message.Topic} has the part '{Printable(part)}'; known parts: audio, document";
            return false;
        }

        review = new ReviewMessage(id, kind.Value, device is not null && DevicePattern().IsMatch(device) ? device : "?");
        problem = "";
        return true;
    }

    /// <summary>True when <paramref name="id"/> can name a file in the output folder and nothing outside it.</summary>
    public static bool IsSafeId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return IdPattern().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);
    }

    private static string? Property(List<MqttUserProperty>? properties, string name)
    {
        if (properties is null)
        {
            return null;
        }

        foreach (var property in properties)
        {
            if (property.Name == name)
            {
                return property.ReadValueAsString();
            }
        }

        return null;
    }

    private static string? DeviceOfTopic(string topic)
    {
        var parts = topic.Split('/');
        return parts.Length == 3 ? parts[1] : null;
    }

    private static string Printable(string text) => text.Length > 80 || text.Any(char.IsControl) ? "(unprintable)" : text;

    // The booth's ids: 20261204T173000Z-foyer-1-3fa9c2. The first character is never a dot, so no hidden files.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex DevicePattern();
}
