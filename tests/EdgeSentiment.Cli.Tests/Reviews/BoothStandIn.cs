using EdgeSentiment.Device.Booth.Age;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeSentiment.Cli.Tests.Reviews;

/// <summary>
/// A device delivering reviews as the booth does: two QoS 1 messages on <c>edgesentiment/DEVICE/review</c>,
/// audio first, each the sealed file's bytes with the user properties <c>review</c>, <c>part</c> and <c>device</c>.
/// </summary>
public sealed class BoothStandIn : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    private BoothStandIn(string device) => Device = device;

    public string Device { get; }

    public static async Task<BoothStandIn> ConnectAsync(int port, string device = "foyer-1")
    {
        var booth = new BoothStandIn(device);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"edgesentiment-{device}")
            .WithTimeout(TimeSpan.FromSeconds(5))
            // The stand-in trusts the broker it was given; the receiver's certificate checks are under test.
            .WithTlsOptions(o => o.UseTls(true).WithCertificateValidationHandler(_ => true))
            .Build();
        await booth._client.ConnectAsync(options);
        return booth;
    }

    /// <summary>Seals <paramref name="audio"/> and <paramref name="document"/> to <paramref name="recipient"/> and sends both parts.</summary>
    public async Task SendAsync(string id, AgeRecipient recipient, byte[] audio, byte[] document)
    {
        await SendPartAsync(id, "audio", Seal(audio, recipient));
        await SendPartAsync(id, "document", Seal(document, recipient));
    }

    /// <summary>Sends one part as it is, as a device that stopped between the two would have.</summary>
    public async Task SendPartAsync(string id, string part, byte[] payload)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic($"edgesentiment/{Device}/review")
            .WithPayload(payload)
            .WithContentType("application/octet-stream")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(false)
            .WithUserProperty("review", Utf8(id))
            .WithUserProperty("part", Utf8(part))
            .WithUserProperty("device", Utf8(Device))
            .Build();
        var result = await _client.PublishAsync(message);
        Assert.True(result.IsSuccess, $"the broker refused the {part} of {id}: {result.ReasonCode}");
    }

    public static byte[] Seal(byte[] plaintext, AgeRecipient recipient)
    {
        using var sealedBytes = new MemoryStream();
        using (var seal = new AgeSealStream(sealedBytes, [recipient], leaveOpen: true))
        {
            seal.Write(plaintext);
            seal.Complete();
        }

        return sealedBytes.ToArray();
    }

    private static ReadOnlyMemory<byte> Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
