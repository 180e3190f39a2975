using System.Text.Json.Serialization;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Storage;

/// <summary>The serialisers for sealed record payloads (never written in clear).</summary>
[JsonSerializable(typeof(WindowResult))]
[JsonSerializable(typeof(MinuteSummary))]
[JsonSerializable(typeof(ScreeningSession))]
[JsonSerializable(typeof(TranscriptRecord))]
[JsonSerializable(typeof(string))]
internal sealed partial class StoreJson : JsonSerializerContext;
