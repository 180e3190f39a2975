using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using EdgeSentiment.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeSentiment.Device.Tests.Publishing;

/// <summary>A dashboard stand-in: subscribes to <c>edgesentiment/#</c> (or another filter) with QoS 1 and keeps every message it receives.</summary>
public sealed class TestSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<(string Topic, JsonElement Body, bool Retained)> _messages = new();

    private readonly string _topicFilter;

    private TestSubscriber(string topicFilter)
    {
        _topicFilter = topicFilter;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var body = JsonDocument.Parse(e.ApplicationMessage.Payload).RootElement.Clone();
            _messages.Enqueue((e.ApplicationMessage.Topic, body, e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
    }

    public IReadOnlyList<(string Topic, JsonElement Body, bool Retained)> Messages => [.. _messages];

    /// <summary>Connects (TLS unless <paramref name="tls"/> is false) and subscribes; a fixed client id with a kept session when <paramref name="persistentSession"/>.</summary>
    public static async Task<TestSubscriber> ConnectAsync(int port, bool tls = true, TestCertificates? clientCertificate = null, bool persistentSession = false, string topicFilter = "edgesentiment/#")
    {
        var subscriber = new TestSubscriber(topicFilter);
        await subscriber.ReconnectAsync(port, tls, clientCertificate, persistentSession);
        return subscriber;
    }

    public async Task ReconnectAsync(int port, bool tls = true, TestCertificates? clientCertificate = null, bool persistentSession = false)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(persistentSession ? "test-dashboard" : $"test-dashboard-{Guid.NewGuid():N}")
            .WithCleanSession(!persistentSession)
            // MQTT 5 ends a session at disconnect unless it is given an expiry.
            .WithSessionExpiryInterval(persistentSession ? 3600u : 0u)
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (tls)
        {
            // The test's own subscriber trusts the broker it started; certificate checks are the device's job under test.
            builder.WithTlsOptions(o =>
            {
                o.UseTls(true).WithCertificateValidationHandler(_ => true);
                if (clientCertificate is not null)
                {
                    o.WithClientCertificates([X509Certificate2.CreateFromPemFile(clientCertificate.Client.CertFile, clientCertificate.Client.KeyFile)]);
                }
            });
        }

        var result = await _client.ConnectAsync(builder.Build());
        if (!result.IsSessionPresent)
        {
            await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(_topicFilter, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for the messages received so far; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyList<(string Topic, JsonElement Body, bool Retained)>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (done(Messages))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return done(Messages);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
