using System.Runtime.InteropServices;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Features;

namespace EdgeSentiment.Cli.Features;

/// <summary>
/// Computes the log-mel features of every clip in a manifest and writes <c>PREFIX.f32</c> and
/// <c>PREFIX.json</c> (docs/model-contract.md). Clips are decoded and analysed in parallel but
/// written in manifest order; a clip that cannot be read is listed as failed and the run goes on.
/// </summary>
public sealed class FeatureExporter
{
    private readonly LogMelSettings _settings;
    private readonly int _jobs;

    public FeatureExporter(LogMelSettings settings, int jobs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(jobs);
        _settings = settings;
        _jobs = jobs;
    }

    /// <summary>Exports <paramref name="clips"/>; <paramref name="onFailure"/> hears about each clip that failed.</summary>
    /// <exception cref="IOException">The output files cannot be written.</exception>
    public ExportSummary Export(IReadOnlyList<ExportClip> clips, string prefix, Action<ExportResult> onFailure)
    {
        ArgumentNullException.ThrowIfNull(clips);
        ArgumentNullException.ThrowIfNull(onFailure);
        var dataPath = prefix + ".f32";
        var jsonPath = prefix + ".json";
        var items = new List<ExportResult>(clips.Count);
        var failures = new List<ExportResult>();
        long frames = 0;

        // Written under temporary names and renamed at the end, so an interrupted run never leaves
        // a .json that describes a half-written .f32.
        using (var data = new FileStream(dataPath + ".partial", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            // Batches bound the memory to a few dozen clips' features however long the manifest is.
            var batch = new ExportResult[_jobs * 8];
            for (var start = 0; start < clips.Count; start += batch.Length)
            {
                var count = Math.Min(batch.Length, clips.Count - start);
                Parallel.For(
                    0,
                    count,
                    new ParallelOptions { MaxDegreeOfParallelism = _jobs },
                    () => new LogMelExtractor(_settings),
                    (i, _, extractor) =>
                    {
                        batch[i] = Process(clips[start + i], extractor);
                        return extractor;
                    },
                    _ => { });

                for (var i = 0; i < count; i++)
                {
                    var result = batch[i];
                    if (result.Features is null)
                    {
                        failures.Add(result);
                        onFailure(result);
                        continue;
                    }

                    items.Add(result with { Features = null });
                    WriteFloats(data, result.Features);
                    frames += result.Frames;
                }

                Array.Clear(batch);
            }
        }

        using (var json = new FileStream(jsonPath + ".partial", FileMode.Create, FileAccess.Write, FileShare.None))
        {
            ExportJson.Write(json, _settings, items, failures);
        }

        File.Move(dataPath + ".partial", dataPath, overwrite: true);
        File.Move(jsonPath + ".partial", jsonPath, overwrite: true);
        return new ExportSummary(items.Count, failures.Count, frames);
    }

    private ExportResult Process(ExportClip clip, LogMelExtractor extractor)
    {
        PcmAudio audio;
        try
        {
            audio = AudioLoader.LoadMono(clip.FullPath, _settings.SampleRate);
        }
        catch (AudioFormatException e)
        {
            return new ExportResult(clip, null, 0, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One bad file must not end an export of thousands; the reader's message names the fault.
            return new ExportResult(clip, null, 0, $"{clip.Path}: {e.Message}");
        }

        var frames = _settings.FrameCount(audio.Samples.Length);
        if (frames == 0)
        {
            return new ExportResult(
                clip, null, 0, $"{clip.Path}: {audio.Samples.Length} samples is shorter than one {_settings.FrameLength}-sample frame.");
        }

        var features = new float[frames * _settings.MelBands];
        extractor.Compute(audio.Samples, features);
        return new ExportResult(clip, features, frames, null);
    }

    private static void WriteFloats(Stream stream, float[] values)
    {
        if (!BitConverter.IsLittleEndian)
        {
            // The format is little-endian on every host; swap on the rare big-endian one.
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BitConverter.Int32BitsToSingle(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(BitConverter.SingleToInt32Bits(values[i])));
            }
        }

        stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
