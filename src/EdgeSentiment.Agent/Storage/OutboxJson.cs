using System.Text.Json.Serialization;

namespace EdgeSentiment.Agent.Storage;

/// <summary>The summary as it is queued for publishing: camelCase names, moods as words.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MinuteSummary))]
internal sealed partial class OutboxJson : JsonSerializerContext;
