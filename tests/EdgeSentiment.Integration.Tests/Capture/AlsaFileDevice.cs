using System.Buffers.Binary;
using EdgeSentiment.Core.Tests;

namespace EdgeSentiment.Integration.Tests.Capture;

/// <summary>
/// An ALSA capture device backed by a file: a PCM of type <c>file</c> whose <c>infile</c> is raw
/// 16-bit 16 kHz mono audio (ALSA reads it again from the start when it ends; the null slave does
/// not pace it, so it arrives as fast as it is read), behind a <c>plug</c>
/// so PortAudio can open it as float at 16 kHz. ALSA_CONFIG_PATH points at the system's alsa.conf
/// plus our file, set in the native environment before PortAudio first initialises.
/// </summary>
public sealed class AlsaFileDevice : IDisposable
{
    public const string DeviceName = "edgesentiment-test";
    public const string LateDeviceName = "edgesentiment-late";
    public const int SampleRate = 16000;

    private readonly TempFolder _folder = new();

    public AlsaFileDevice()
    {
        Clip = MakeClip();
        var raw = new byte[Clip.Length * 2];
        for (var i = 0; i < Clip.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(raw.AsSpan(i * 2), Clip[i]);
        }

        RawPath = _folder.Write("clip.raw", raw);
        ConfigPath = _folder.Write("asoundrc", Pcm(DeviceName));
        var systemConfig = File.Exists("/usr/share/alsa/alsa.conf") ? "/usr/share/alsa/alsa.conf" : "/etc/alsa/alsa.conf";
        NativeEnvironment.Set("ALSA_CONFIG_PATH", $"{systemConfig}:{ConfigPath}");
    }

    /// <summary>The clip, as the 16-bit samples ALSA serves.</summary>
    public short[] Clip { get; }

    public string RawPath { get; }

    public string ConfigPath { get; }

    /// <summary>The clip as floats, exactly as ALSA's S16 to float conversion gives them.</summary>
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
    public void PlugIn(string name) => File.AppendAllText(ConfigPath, Pcm(name));

    public void Dispose() => _folder.Dispose();

    private string Pcm(string name) => $$"""
        pcm.{{name}}-raw {
            type file
            slave.pcm "null"
            file "/dev/null"
            infile "{{RawPath}}"
            format "raw"
        }
        pcm.{{name}} {
            type plug
            slave {
                pcm "{{name}}-raw"
                format S16_LE
                rate {{SampleRate}}
                channels 1
            }
        }

        """;

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
