using System.Buffers.Binary;
using System.Text.Json;
using EdgeSentiment.Cli.App;
using EdgeSentiment.Core.Features;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Features;

public sealed class FeaturesExportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "edgesentiment-export-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public FeaturesExportCommandTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Export_TwoClips_WritesFeaturesInManifestOrderAndIndex()
    {
        var first = Signals.Sine(440, 1.0, 0.3);
        var second = Signals.Noise(0.5, 0.05);
        TestWav.WritePcm16(Path.Combine(_folder, "a.wav"), first);
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        TestWav.WritePcm16(Path.Combine(_folder, "sub", "b.wav"), second);
        var manifest = WriteManifest("path,label\na.wav,positive\nsub/b.wav,some other label\n");
        var prefix = Path.Combine(_folder, "train");

        var code = Run("features", "export", "--manifest", manifest, "--out", prefix);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", _error.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(prefix + ".json"));
        var root = json.RootElement;
        Assert.Equal("logmel-v1", root.GetProperty("settings").GetProperty("feature").GetString());
        Assert.Equal(64, root.GetProperty("settings").GetProperty("mel_bands").GetInt32());
        Assert.Equal(1e-10, root.GetProperty("settings").GetProperty("log_floor").GetDouble());
        var items = root.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.Equal(0, root.GetProperty("failed").GetArrayLength());
        Assert.Equal("a.wav", items[0].GetProperty("path").GetString());
        Assert.Equal("positive", items[0].GetProperty("label").GetString());
        Assert.Equal(0, items[0].GetProperty("offset").GetInt64());
        Assert.Equal(98, items[0].GetProperty("frames").GetInt32());
        Assert.Equal("sub/b.wav", items[1].GetProperty("path").GetString());
        Assert.Equal("some other label", items[1].GetProperty("label").GetString());
        Assert.Equal(98, items[1].GetProperty("offset").GetInt64());
        Assert.Equal(48, items[1].GetProperty("frames").GetInt32());

        var data = ReadF32(prefix + ".f32");
        Assert.Equal((98 + 48) * 64, data.Length);
        Assert.Equal(Expected(Path.Combine(_folder, "a.wav")), data[..(98 * 64)]);
        Assert.Equal(Expected(Path.Combine(_folder, "sub", "b.wav")), data[(98 * 64)..]);
    }

    [Fact]
    public void Export_Json_CountsTheClipsAndNamesTheFilesWritten()
    {
        TestWav.WritePcm16(Path.Combine(_folder, "a.wav"), Signals.Sine(440, 1.0, 0.3));
        var manifest = WriteManifest("path,label\na.wav,positive\nmissing.wav,neutral\n");
        var prefix = Path.Combine(_folder, "train");

        var code = Run("features", "export", "--manifest", manifest, "--out", prefix, "--json");

        Assert.Equal(ExitCodes.Failed, code);
        using var json = JsonDocument.Parse(_out.ToString());
        var root = json.RootElement;
        Assert.Equal(prefix + ".f32", root.GetProperty("features").GetString());
        Assert.Equal(prefix + ".json", root.GetProperty("index").GetString());
        Assert.Equal(1, root.GetProperty("exported").GetInt32());
        Assert.Equal(1, root.GetProperty("failed").GetInt32());
        Assert.Equal(98, root.GetProperty("frames").GetInt64());
    }

    [Fact]
    public void Export_OneUnreadableClip_ListsItAsFailedExportsTheRestAndExitsOne()
    {
        TestWav.WritePcm16(Path.Combine(_folder, "good.wav"), Signals.Sine(1000, 0.5));
        File.WriteAllText(Path.Combine(_folder, "bad.wav"), "not a wav file");
        var manifest = WriteManifest("path,label\nbad.wav,negative\nmissing.wav,neutral\ngood.wav,neutral\n");
        var prefix = Path.Combine(_folder, "mixed");

        var code = Run("features", "export", "--manifest", manifest, "--out", prefix);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("bad.wav", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("missing.wav", _error.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(prefix + ".json"));
        var items = json.RootElement.GetProperty("items");
        var failed = json.RootElement.GetProperty("failed");
        Assert.Equal(1, items.GetArrayLength());
        Assert.Equal("good.wav", items[0].GetProperty("path").GetString());
        Assert.Equal(2, failed.GetArrayLength());
        Assert.Equal("bad.wav", failed[0].GetProperty("path").GetString());
        Assert.False(string.IsNullOrWhiteSpace(failed[0].GetProperty("error").GetString()));
        Assert.Equal(48 * 64, ReadF32(prefix + ".f32").Length);
    }

    [Fact]
    public void Export_WithLongerFrames_WritesTheirFeaturesAndSettings()
    {
        var clip = Signals.Sine(220, 1.0, 0.3);
        TestWav.WritePcm16(Path.Combine(_folder, "a.wav"), clip);
        var manifest = WriteManifest("path,label\na.wav,neutral\n");
        var prefix = Path.Combine(_folder, "long");

        var code = Run("features", "export", "--manifest", manifest, "--out", prefix, "--frame-length", "800", "--fft-size", "1024");

        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(File.ReadAllText(prefix + ".json"));
        var settings = json.RootElement.GetProperty("settings");
        Assert.Equal(800, settings.GetProperty("frame_length").GetInt32());
        Assert.Equal(1024, settings.GetProperty("fft_size").GetInt32());
        var longer = LogMelSettings.Default with { FrameLength = 800, FftSize = 1024 };
        Assert.Equal(Expected(Path.Combine(_folder, "a.wav"), longer), ReadF32(prefix + ".f32"));
    }

    [Fact]
    public void Export_WithAnFftShorterThanTheFrame_IsAUsageError()
    {
        var manifest = WriteManifest("path,label\na.wav,positive\n");

        var code = Run("features", "export", "--manifest", manifest, "--out", Path.Combine(_folder, "x"), "--frame-length", "800");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--fft-size 1024", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WithoutManifestOption_IsAUsageError()
    {
        var code = Run("features", "export", "--out", Path.Combine(_folder, "x"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--manifest", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ManifestNotFound_IsAUsageErrorAndWritesNothing()
    {
        var prefix = Path.Combine(_folder, "none");

        var code = Run("features", "export", "--manifest", Path.Combine(_folder, "nope.csv"), "--out", prefix);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("manifest not found", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(prefix + ".json"));
    }

    [Fact]
    public void Export_ManifestWithWrongHeader_NamesTheLine()
    {
        var manifest = WriteManifest("file,emotion\na.wav,happy\n");

        var code = Run("features", "export", "--manifest", manifest, "--out", Path.Combine(_folder, "x"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("manifest.csv:1:", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_OutputFolderMissing_IsAUsageError()
    {
        var manifest = WriteManifest("path,label\na.wav,positive\n");

        var code = Run("features", "export", "--manifest", manifest, "--out", Path.Combine(_folder, "no", "such", "x"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("existing folder", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _out.Dispose();
        _error.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private int Run(params string[] args) => CliApp.Run(args, new CliConsole(_out, _error, IsInteractive: false));

    private string WriteManifest(string text)
    {
        var path = Path.Combine(_folder, "manifest.csv");
        File.WriteAllText(path, text);
        return path;
    }

    // The reference: the extractor run directly on the 16-bit samples as written.
    private static float[] Expected(string wav, LogMelSettings? settings = null)
    {
        var samples = TestWav.ReadPcm16(wav);
        var extractor = new LogMelExtractor(settings ?? LogMelSettings.Default);
        var features = new float[extractor.FeatureCount(samples.Length)];
        extractor.Compute(samples, features);
        return features;
    }

    private static float[] ReadF32(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * i));
        }

        return values;
    }
}
