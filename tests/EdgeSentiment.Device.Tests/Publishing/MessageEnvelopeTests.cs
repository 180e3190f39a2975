using System.Text;
using System.Text.Json;
using EdgeSentiment.Device.Publishing;

namespace EdgeSentiment.Device.Tests.Publishing;

public sealed class MessageEnvelopeTests
{
    private static readonly Guid Id = Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    [Fact]
    public void WithJson_EmbedsTheBodyAsJson_UnderTheSchemaIdTimeAndDevice()
    {
        var bytes = MessageEnvelope.WithJson(Id, new DateTime(2026, 3, 1, 20, 5, 0, DateTimeKind.Utc), "room-7", "summary", """{"a":1}"""u8);

        Assert.Equal(
            """{"schema":1,"id":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","time":"2026-03-01T20:05:00Z","deviceId":"room-7","summary":{"a":1}}""",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void WithString_TreatsAnUnspecifiedTimeAsUtc()
    {
        var bytes = MessageEnvelope.WithString(Id, new DateTime(2026, 3, 1, 20, 5, 0, DateTimeKind.Unspecified), "room-7", "state", "online");

        using var document = JsonDocument.Parse(bytes);
        Assert.Equal("2026-03-01T20:05:00Z", document.RootElement.GetProperty("time").GetString());
        Assert.Equal("online", document.RootElement.GetProperty("state").GetString());
    }
}
