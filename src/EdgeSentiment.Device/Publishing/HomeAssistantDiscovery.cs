using System.Buffers;
using System.Text.Json;

namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// The retained config messages of Home Assistant's MQTT discovery that make a device appear as one
/// Home Assistant device with its sensors: the mood the LEDs show, the last minute's dominant mood,
/// speech share, film share and share of the audience speaking over the film, and whether the device
/// is connected. Every sensor reads the device's own topics, and
/// all but the connectivity sensor are unavailable while the status topic says <c>offline</c>.
/// </summary>
public static class HomeAssistantDiscovery
{
    private static readonly string[] MoodOptions = ["NoSpeech", "Negative", "Neutral", "Positive", "Film"];

    /// <summary>The config topics and payloads for <paramref name="options"/>' device, in a fixed order.</summary>
    public static IReadOnlyList<(string Topic, byte[] Payload)> Messages(MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var node = $"edgesentiment_{options.DeviceId}";
        var prefix = options.TopicPrefix;
        return
        [
            Config(options, "sensor", node, "mood", "Mood", $"{prefix}/mood", "{{ value_json.mood }}", writer =>
            {
                Enum(writer);
                writer.WriteString("icon", "mdi:emoticon-outline");
            }),
            Config(options, "sensor", node, "minute_mood", "Last minute mood", $"{prefix}/summary", "{{ value_json.summary.dominantMood }}", writer =>
            {
                Enum(writer);
                writer.WriteString("icon", "mdi:emoticon-outline");
            }),
            Config(options, "sensor", node, "minute_speech", "Last minute speech", $"{prefix}/summary", "{{ (value_json.summary.tally.speechRatio * 100) | round(0) }}", writer =>
            {
                writer.WriteString("unit_of_measurement", "%");
                writer.WriteString("state_class", "measurement");
                writer.WriteString("icon", "mdi:account-voice");
            }),
            Config(options, "sensor", node, "minute_film", "Last minute film", $"{prefix}/summary", "{{ ((value_json.summary.tally.filmRatio | default(0)) * 100) | round(0) }}", writer =>
            {
                writer.WriteString("unit_of_measurement", "%");
                writer.WriteString("state_class", "measurement");
                writer.WriteString("icon", "mdi:filmstrip");
            }),
            Config(options, "sensor", node, "minute_audience_over_film", "Last minute audience over film", $"{prefix}/summary", "{{ ((value_json.summary.tally.audienceOverFilmRatio | default(0)) * 100) | round(0) }}", writer =>
            {
                writer.WriteString("unit_of_measurement", "%");
                writer.WriteString("state_class", "measurement");
                writer.WriteString("icon", "mdi:account-voice");
            }),
            Config(options, "binary_sensor", node, "connectivity", "Connectivity", $"{prefix}/status", "{{ value_json.state }}", writer =>
            {
                writer.WriteString("device_class", "connectivity");
                writer.WriteString("entity_category", "diagnostic");
                writer.WriteString("payload_on", "online");
                writer.WriteString("payload_off", "offline");
            }, withAvailability: false),
        ];
    }

    private static (string, byte[]) Config(
        MqttOptions options, string component, string node, string objectId, string name, string stateTopic, string valueTemplate, Action<Utf8JsonWriter> extra, bool withAvailability = true)
    {
        var buffer = new ArrayBufferWriter<byte>(768);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("unique_id", $"{node}_{objectId}");
            writer.WriteString("state_topic", stateTopic);
            writer.WriteString("value_template", valueTemplate);
            writer.WriteNumber("qos", 1);
            if (withAvailability)
            {
                // The retained status with its last will: the sensors go unavailable when the device does.
                writer.WriteString("availability_topic", $"{options.TopicPrefix}/status");
                writer.WriteString("availability_template", "{{ value_json.state }}");
                writer.WriteString("payload_available", "online");
                writer.WriteString("payload_not_available", "offline");
            }

            extra(writer);
            writer.WriteStartObject("device");
            writer.WriteStartArray("identifiers");
            writer.WriteStringValue(node);
            writer.WriteEndArray();
            writer.WriteString("name", $"EdgeSentiment {options.DeviceId}");
            writer.WriteString("manufacturer", "EdgeSentiment");
            writer.WriteString("model", "EdgeSentiment agent");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return ($"{options.HomeAssistantPrefix}/{component}/{node}/{objectId}/config", buffer.WrittenSpan.ToArray());
    }

    private static void Enum(Utf8JsonWriter writer)
    {
        writer.WriteString("device_class", "enum");
        writer.WriteStartArray("options");
        foreach (var option in MoodOptions)
        {
            writer.WriteStringValue(option);
        }

        writer.WriteEndArray();
    }
}
