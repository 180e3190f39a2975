using System.Text.Json;
using EdgeSentiment.Core.Features;

namespace EdgeSentiment.Cli.Features;

/// <summary>Writes <c>PREFIX.json</c>: the extractor settings, the exported clips with their frame offsets, the failures.</summary>
public static class ExportJson
{
    public static void Write(Stream stream, LogMelSettings settings, IReadOnlyList<ExportResult> items, IReadOnlyList<ExportResult> failed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(failed);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();

        // Keys as in the model metadata without the "edgesentiment." prefix (docs/model-contract.md).
        json.WriteStartObject("settings");
        json.WriteString("feature", settings.FeatureVersion);
        json.WriteNumber("sample_rate", settings.SampleRate);
        json.WriteNumber("frame_length", settings.FrameLength);
        json.WriteNumber("hop_length", settings.HopLength);
        json.WriteNumber("fft_size", settings.FftSize);
        json.WriteNumber("mel_bands", settings.MelBands);
        json.WriteNumber("fmin", settings.MinFrequency);
        json.WriteNumber("fmax", settings.MaxFrequency);
        json.WriteNumber("log_floor", settings.LogFloor);
        json.WriteEndObject();

        json.WriteStartArray("items");
        long offset = 0;
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("path", item.Clip.Path);
            json.WriteString("label", item.Clip.Label);
            json.WriteNumber("offset", offset);
            json.WriteNumber("frames", item.Frames);
            json.WriteEndObject();
            offset += item.Frames;
        }

        json.WriteEndArray();

        json.WriteStartArray("failed");
        foreach (var failure in failed)
        {
            json.WriteStartObject();
            json.WriteString("path", failure.Clip.Path);
            json.WriteString("error", failure.Error);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
