using System.Text.Json.Serialization;
using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Storage.Outbox;

/// <summary>What is queued for publishing: camelCase names, moods as words.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MinuteSummary))]
[JsonSerializable(typeof(SessionSummary))]
internal sealed partial class OutboxJson : JsonSerializerContext;
