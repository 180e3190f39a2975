using System.Buffers.Binary;
using EdgeSentiment.Core.Audio;

namespace EdgeSentiment.Testing;

/// <summary>
/// ALSA capture devices backed by files: a PCM of type <c>file</c> whose <c>infile</c> is raw
/// 32-bit float 16 kHz mono audio over a <c>null</c> slave, behind a <c>plug</c> so PortAudio
/// finds it by name. ALSA_CONFIG_PATH points at the system's alsa.conf plus our file, set in the
/// native environment before PortAudio first initialises.
/// </summary>
/// <remarks>
/// The samples are stored as float because that is what the agent asks PortAudio for: with S16
/// samples, alsa-lib puts its format conversion between the file and PortAudio, and that
/// conversion, reading from a null slave that always says its buffer is full, skips a period of
/// the file on every refill without any error (arecord -f FLOAT_LE on the same device skips the
/// same way, so it is alsa-lib, not PortAudio or the agent). With float samples no conversion is
/// needed and every frame of the file arrives, in order. The null slave does not pace the device:
/// it delivers as fast as it is read, and once the file has ended it keeps delivering whatever
/// was last in its buffer; <see cref="ClipGate"/> stops the reads at the end of the clip.
/// </remarks>
public sealed class AlsaFileDevice : IDisposable
{
    public const string DeviceName = "edgesentiment-test";
    public const string LateDeviceName = "edgesentiment-late";

    /// <summary>The device that plays samples/screening.wav.</summary>
    public const string ScreeningDeviceName = "edgesentiment-screening";

    /// <summary>The two-channel device of an auditorium: the microphone on channel 1, the soundtrack reference on channel 2.</summary>
    public const string AuditoriumDeviceName = "edgesentiment-auditorium";

    public const int SampleRate = 16000;

    private readonly TempFolder _folder = new();

    public AlsaFileDevice()
    {
        Clip = MakeClip();
        RawPath = _folder.Write("clip.f32", RawFloat(ClipAsFloat()));
        Screening = AudioLoader.LoadMono(ScreeningPath, SampleRate).Samples;
        ScreeningRawPath = _folder.Write("screening.f32", RawFloat(Screening));
        Auditorium = AuditoriumScene.Make(SampleRate);
        AuditoriumRawPath = _folder.Write("auditorium.f32", RawFloat(Auditorium.Interleaved()));
        ConfigPath = _folder.Write(
            "asoundrc",
            Pcm(DeviceName, RawPath) + Pcm(ScreeningDeviceName, ScreeningRawPath) + Pcm(AuditoriumDeviceName, AuditoriumRawPath, channels: 2));
        var systemConfig = File.Exists("/usr/share/alsa/alsa.conf") ? "/usr/share/alsa/alsa.conf" : "/etc/alsa/alsa.conf";
        NativeEnvironment.Set("ALSA_CONFIG_PATH", $"{systemConfig}:{ConfigPath}");
    }

    /// <summary>The committed recording the screening device plays.</summary>
    public static string ScreeningPath => RepositoryPaths.Sample("screening.wav");

    /// <summary>The generated clip, as 16-bit samples.</summary>
    public short[] Clip { get; }

    /// <summary>samples/screening.wav at 16 kHz, exactly as <c>analyze</c> reads it, and as the screening device serves it.</summary>
    public float[] Screening { get; }

    public string RawPath { get; }

    /// <summary>What the auditorium device serves.</summary>
    public AuditoriumScene Auditorium { get; }

    public string AuditoriumRawPath { get; }

    public string ScreeningRawPath { get; }

    public string ConfigPath { get; }

    /// <summary>The generated clip as the floats the device serves.</summary>
    public float[] ClipAsFloat()
    {
        var samples = new float[Clip.Length];
        for (var i = 0; i < Clip.Length; i++)
        {
            samples[i] = Clip[i] / 32768f;
        }

        return samples;
    }

    /// <summary>Adds a second device to the configuration, as if a microphone were plugged in.</summary>
    public void PlugIn(string name) => File.AppendAllText(ConfigPath, Pcm(name, RawPath));

    public void Dispose() => _folder.Dispose();

    private static string Pcm(string name, string rawPath, int channels = 1) => $$"""
        pcm.{{name}}-raw {
            type file
            slave.pcm "null"
            file "/dev/null"
            infile "{{rawPath}}"
            format "raw"
        }
        pcm.{{name}} {
            type plug
            slave {
                pcm "{{name}}-raw"
                format FLOAT_LE
                rate {{SampleRate}}
                channels {{channels}}
            }
        }

        """;

    private static byte[] RawFloat(ReadOnlySpan<float> samples)
    {
        var raw = new byte[samples.Length * sizeof(float)];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), samples[i]);
        }

        return raw;
    }

    /// <summary>12 s in which every half second has its own loudness, so a window that is off by any hop has the wrong level.</summary>
    private static short[] MakeClip()
    {
        var random = new Random(20261125);
        var samples = new short[SampleRate * 12];
        for (var segment = 0; segment < 24; segment++)
        {
            var amplitude = 0.02 + (0.6 * random.NextDouble());
            var hz = 150 + (50 * segment);
            for (var i = 0; i < SampleRate / 2; i++)
            {
                var n = (segment * SampleRate / 2) + i;
                var value = amplitude * Math.Sin(2 * Math.PI * hz * n / SampleRate) + (0.01 * (random.NextDouble() - 0.5));
                samples[n] = (short)Math.Clamp(Math.Round(value * 32767), short.MinValue, short.MaxValue);
            }
        }

        return samples;
    }
}
