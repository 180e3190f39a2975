using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// A booth review on the wire: one MQTT v5 message per sealed file, its bytes unchanged, named by
/// user properties that say which review and which part, and nothing of what was said
/// (docs/mqtt.md, "Reviews"). The studio's <c>edgesentiment reviews receive</c> reads them back.
/// </summary>
public static class ReviewMessage
{
    public const string Subtopic = "review";
    public const string ContentType = "application/octet-stream";
    public const string ReviewProperty = "review";
    public const string PartProperty = "part";
    public const string DeviceProperty = "device";
    public const string AudioPart = "audio";
    public const string DocumentPart = "document";

    public static MqttApplicationMessage Build(string topic, string device, string review, string part, byte[] sealedFile) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(sealedFile)
            .WithContentType(ContentType)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(false)
            .WithUserProperty(ReviewProperty, Utf8(review))
            .WithUserProperty(PartProperty, Utf8(part))
            .WithUserProperty(DeviceProperty, Utf8(device))
            .Build();

    private static ReadOnlyMemory<byte> Utf8(string value) => Encoding.UTF8.GetBytes(value);
}
