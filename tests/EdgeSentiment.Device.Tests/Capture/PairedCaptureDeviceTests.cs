using EdgeSentiment.Core.Audio;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Capture.EchoCancellation;

namespace EdgeSentiment.Device.Tests.Capture;

/// <summary>The soundtrack reference on a device of its own, whose clock drifts from the microphone's.</summary>
public sealed class PairedCaptureDeviceTests
{
    private const int Rate = 16000;
    private const int Chunk = 1600;

    [Theory]
    [InlineData(500)]
    [InlineData(-500)]
    public void Cancel_ReferenceClockDrifts_TheEchoStaysCancelled(double ppm)
    {
        // Two devices sample one film at their own instants: the microphone hears it through a room
        // (a direct path and a reflection), the reference device takes it from the cinema processor.
        var film = new Film(seed: 4);
        var writerRate = Rate * (1 + (ppm * 1e-6));
        var drift = new DriftCompensator(Rate, 0.3);
        var delay = new float[PairedCaptureDevice.MicrophoneDelay(drift.TargetSamples, Chunk, Chunk, Rate)];
        var delayIndex = 0;
        using var canceller = new EchoCanceller(new EchoCancellerSettings { TailSeconds = 0.3 });
        var microphone = new float[Chunk];
        var reference = new float[Chunk];
        var chunk = new float[Chunk];
        var residual = new float[canceller.MaxOutputLength(Chunk)];
        var removed = new float[residual.Length];
        double heard = 0, left = 0;
        long written = 0;
        const int Seconds = 150;
        for (long read = 0; read < (long)Seconds * Rate; read += Chunk)
        {
            var now = (read + Chunk) / (double)Rate;
            while ((written + Chunk) / writerRate <= now)
            {
                for (var i = 0; i < Chunk; i++)
                {
                    chunk[i] = film.At((written + i) / writerRate);
                }

                written += Chunk;
                drift.Write(chunk, TimeSpan.FromSeconds(written / writerRate));
            }

            for (var i = 0; i < Chunk; i++)
            {
                var t = (read + i) / (double)Rate;
                var sample = (0.5f * film.At(t - 0.004)) + (0.2f * film.At(t - 0.031));
                (microphone[i], delay[delayIndex]) = (delay[delayIndex], sample);
                delayIndex = (delayIndex + 1) % delay.Length;
            }

            drift.Read(reference, TimeSpan.FromSeconds(now));
            var count = canceller.Process(microphone, reference, residual, removed);
            if (now > Seconds - 30)
            {
                foreach (var sample in microphone)
                {
                    heard += sample * sample;
                }

                foreach (var sample in residual.AsSpan(0, count))
                {
                    left += sample * sample;
                }
            }
        }

        // Without following the clock the echo would have moved by 75 ms against the reference by now.
        var erle = 10 * Math.Log10(heard / left);
        Assert.True(erle > 20, $"ERLE over the last 30 s with {ppm} ppm drift: {erle:F1} dB");
        Assert.InRange(drift.CorrectionPpm, ppm - 20, ppm + 20);
    }

    [Fact]
    public void Constructor_DevicesAtDifferentRates_RefusesWithBothRates()
    {
        using var microphone = new SteadyDevice("mic", 16000);
        using var reference = new SteadyDevice("processor", 48000);

        var e = Assert.Throws<CaptureDeviceException>(() => new PairedCaptureDevice(microphone, reference, 0.3));

        Assert.Contains("48000 Hz", e.Message, StringComparison.Ordinal);
        Assert.Contains("16000 Hz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TheReferenceDeviceFails_ThrowsSoTheCaptureOpensBothAgain()
    {
        using var paired = new PairedCaptureDevice(new SteadyDevice("mic", Rate), new SteadyDevice("processor", Rate) { FailAfter = 3 }, 0.3);
        var microphone = new float[paired.FramesPerRead];
        var reference = new float[paired.FramesPerRead];

        var e = Assert.Throws<CaptureDeviceException>(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                paired.Read(microphone, reference);
                Thread.Sleep(10);
            }
        });

        Assert.Contains("reference device failed", e.Message, StringComparison.Ordinal);
        Assert.True(paired.HasReference);
    }

    /// <summary>A film-like signal of continuous time: tones under a syllable-rate envelope.</summary>
    private sealed class Film
    {
        private readonly double[] _frequencies = new double[24];
        private readonly double[] _phases = new double[24];

        public Film(int seed)
        {
            var random = new Random(seed);
            for (var k = 0; k < _frequencies.Length; k++)
            {
                _frequencies[k] = 120 + (random.NextDouble() * 3500);
                _phases[k] = random.NextDouble() * 2 * Math.PI;
            }
        }

        public float At(double t)
        {
            double sum = 0;
            for (var k = 0; k < _frequencies.Length; k++)
            {
                sum += Math.Sin((2 * Math.PI * _frequencies[k] * t) + _phases[k]);
            }

            var envelope = 0.6 + (0.4 * Math.Sin(2 * Math.PI * 3.3 * t));
            return (float)(sum / _frequencies.Length * envelope);
        }
    }

    /// <summary>Hands out 100 ms of a constant at once; fails after a number of reads when asked to.</summary>
    private sealed class SteadyDevice(string name, int rate) : ICaptureDevice
    {
        private int _reads;

        public int FailAfter { get; init; } = int.MaxValue;

        public string Name => name;

        public int SampleRate => rate;

        public int FramesPerRead => rate / 10;

        public bool Read(Span<float> mono)
        {
            if (++_reads > FailAfter)
            {
                throw new CaptureDeviceException($"'{name}' went away");
            }

            Thread.Sleep(5);
            mono[..FramesPerRead].Fill(0.1f);
            return false;
        }

        public void Dispose()
        {
        }
    }
}
