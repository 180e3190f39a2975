using System.Buffers;
using System.Text.Json;

namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// Wraps every published body in the same envelope: <c>schema</c> version, unique <c>id</c>, device
/// <c>time</c> and <c>deviceId</c>, so subscribers can de-duplicate and order what they receive.
/// </summary>
public static class MessageEnvelope
{
    /// <summary>Raised when a payload's shape changes in a way subscribers must know about.</summary>
    public const int SchemaVersion = 1;

    /// <summary>An envelope whose <paramref name="property"/> holds <paramref name="bodyJson"/> as it is (already JSON).</summary>
    public static byte[] WithJson(Guid id, DateTime timeUtc, string deviceId, string property, ReadOnlySpan<byte> bodyJson)
    {
        var buffer = new ArrayBufferWriter<byte>(bodyJson.Length + 160);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteHeader(writer, id, timeUtc, deviceId);
            writer.WritePropertyName(property);
            writer.WriteRawValue(bodyJson);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An envelope whose <paramref name="property"/> holds the string <paramref name="value"/>.</summary>
    public static byte[] WithString(Guid id, DateTime timeUtc, string deviceId, string property, string value)
    {
        var buffer = new ArrayBufferWriter<byte>(192);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteHeader(writer, id, timeUtc, deviceId);
            writer.WriteString(property, value);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteHeader(Utf8JsonWriter writer, Guid id, DateTime timeUtc, string deviceId)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schema", SchemaVersion);
        writer.WriteString("id", id);
        writer.WriteString("time", DateTime.SpecifyKind(timeUtc, DateTimeKind.Utc));
        writer.WriteString("deviceId", deviceId);
    }
}
