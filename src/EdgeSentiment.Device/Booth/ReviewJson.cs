using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeSentiment.Device.Booth;

/// <summary>The serialiser of the review document (written only sealed).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ReviewDocument))]
internal sealed partial class ReviewJson : JsonSerializerContext;
