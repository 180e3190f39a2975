using System.Buffers.Binary;
using EdgeSentiment.Core.Features;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Features;

public sealed class LogMelExtractorTests
{
    // Natural-log units. Float32 against the float64 reference differs most in the quietest bands
    // (measured worst 2.3e-3 at a mel power of 4e-7, mean 1.5e-5); a periodic instead of a symmetric
    // Hann window would be off by up to 0.24 (mean 3e-3), a wrong filterbank by far more.
    private const double GoldenMaxError = 5e-3;
    private const double GoldenMeanError = 2e-4;

    private const int Window = 32000;
    private const int Hop = 8000;

    private readonly LogMelExtractor _extractor = new(LogMelSettings.Default);

    [Fact]
    public void Compute_GoldenSpeech_MatchesNumpyReference()
    {
        var samples = TestWav.ReadPcm16(TestWav.Resource("golden-speech-1s.wav"));
        var reference = ReadF32(TestWav.Resource("golden-speech-1s.logmel.f32"));
        var features = new float[_extractor.FeatureCount(samples.Length)];

        _extractor.Compute(samples, features);

        Assert.Equal(reference.Length, features.Length);
        double worst = 0, total = 0;
        var worstAt = 0;
        for (var i = 0; i < features.Length; i++)
        {
            var error = Math.Abs(features[i] - reference[i]);
            total += error;
            if (error > worst)
            {
                worst = error;
                worstAt = i;
            }
        }

        var mean = total / features.Length;
        Assert.True(
            worst <= GoldenMaxError && mean <= GoldenMeanError,
            $"mean error {mean:E2}; worst {worst:E2} at frame {worstAt / 64} band {worstAt % 64}: {features[worstAt]} vs {reference[worstAt]}");
    }

    [Theory]
    [InlineData(440)]
    [InlineData(1000)]
    [InlineData(2500)]
    [InlineData(6000)]
    public void Compute_PureSine_PeaksInBandWithNearestCentre(double frequency)
    {
        var samples = Signals.Sine(frequency, 0.5);
        var features = new float[_extractor.FeatureCount(samples.Length)];

        _extractor.Compute(samples, features);

        var bands = LogMelSettings.Default.MelBands;
        var mean = new double[bands];
        for (var i = 0; i < features.Length; i++)
        {
            mean[i % bands] += features[i];
        }

        Assert.Equal(NearestCentre(frequency), ArgMax(mean));
    }

    [Fact]
    public void Compute_DigitalSilence_GivesLogOfFloorEverywhere()
    {
        var samples = new float[16000];
        var features = new float[_extractor.FeatureCount(samples.Length)];

        _extractor.Compute(samples, features);

        var floor = MathF.Log((float)LogMelSettings.Default.LogFloor);
        Assert.All(features, value => Assert.Equal(floor, value));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(399, 0)]
    [InlineData(400, 1)]
    [InlineData(559, 1)]
    [InlineData(560, 2)]
    [InlineData(16000, 98)]
    [InlineData(32000, 198)]
    public void FrameCount_FollowsOnePlusFloorOfRemainderOverHop(int samples, int frames)
    {
        Assert.Equal(frames, LogMelSettings.Default.FrameCount(samples));
        Assert.Equal(frames * 64, _extractor.FeatureCount(samples));
    }

    [Fact]
    public void Compute_WritesExactlyFrameCountTimesBands_LeavesTheRestAlone()
    {
        var samples = Signals.Noise(0.1, 0.1);
        var needed = _extractor.FeatureCount(samples.Length);
        var features = new float[needed + 5];
        Array.Fill(features, float.NaN);

        _extractor.Compute(samples, features);

        Assert.All(features[..needed], value => Assert.False(float.IsNaN(value)));
        Assert.All(features[needed..], value => Assert.True(float.IsNaN(value)));
    }

    [Fact]
    public void Compute_FeatureBufferTooShort_ThrowsArgumentExceptionNamingTheSizes()
    {
        var samples = new float[32000];
        var features = new float[100];

        var error = Assert.Throws<ArgumentException>(() => _extractor.Compute(samples, features));

        Assert.Contains("12672", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_SecondCall_AllocatesNothing()
    {
        var samples = Signals.Noise(2, 0.1);
        var features = new float[_extractor.FeatureCount(samples.Length)];

        Assert.Equal(0, Allocations.FewestBytes(() => _extractor.Compute(samples, features), calls: 3));
    }

    // The agent's windows overlap by three quarters; the frames they share are carried over.
    // Training's features come from Compute, so the carried-over values must be the same bits.
    [Fact]
    public void ComputeSliding_WindowsOneHopApart_EqualComputeBitForBit()
    {
        var speech = TestWav.ReadPcm16(TestWav.Resource("speech-4s.wav"));
        var sliding = new float[_extractor.FeatureCount(Window)];
        var alone = new float[sliding.Length];
        var windows = 0;

        for (var start = 0; start + Window <= speech.Length; start += Hop)
        {
            var window = speech.AsSpan(start, Window);
            _extractor.ComputeSliding(window, sliding, start == 0 ? 0 : Hop);
            new LogMelExtractor(LogMelSettings.Default).Compute(window, alone);

            Assert.Equal(Bits(alone), Bits(sliding));
            windows++;
        }

        Assert.True(windows >= 4, $"{windows} windows");
    }

    [Fact]
    public void ComputeSliding_WholeHops_ComputesOnlyTheNewFrames()
    {
        var speech = TestWav.ReadPcm16(TestWav.Resource("speech-4s.wav"));
        var features = new float[_extractor.FeatureCount(Window)];
        _extractor.Compute(speech.AsSpan(0, Window), features);

        // Mark a frame of the first window that the next window shares (its frame 100 becomes frame 50).
        var bands = LogMelSettings.Default.MelBands;
        features[100 * bands] = 12345f;
        _extractor.ComputeSliding(speech.AsSpan(Hop, Window), features, Hop);

        Assert.Equal(12345f, features[50 * bands]);
        Assert.NotEqual(12345f, features[100 * bands]);
    }

    [Theory]
    [InlineData(100)]      // not a whole number of 160-sample hops
    [InlineData(32000)]    // no frame shared
    public void ComputeSliding_ShiftWithoutWholeSharedFrames_ComputesEveryFrame(int shift)
    {
        var speech = TestWav.ReadPcm16(TestWav.Resource("speech-4s.wav"));
        var window = speech.AsSpan(shift, Window);
        var sliding = new float[_extractor.FeatureCount(Window)];
        Array.Fill(sliding, float.NaN);
        var alone = new float[sliding.Length];

        _extractor.ComputeSliding(window, sliding, shift);
        _extractor.Compute(window, alone);

        Assert.Equal(Bits(alone), Bits(sliding));
    }

    [Fact]
    public void ComputeSliding_AfterWarmUp_AllocatesNothing()
    {
        var speech = TestWav.ReadPcm16(TestWav.Resource("speech-4s.wav"));
        var features = new float[_extractor.FeatureCount(Window)];

        Assert.Equal(0, Allocations.FewestBytes(() => _extractor.ComputeSliding(speech.AsSpan(Hop, Window), features, Hop), calls: 3));
    }

    [Fact]
    public void Constructor_TooManyBandsForTheFft_ThrowsNamingTheBand()
    {
        var settings = LogMelSettings.Default with { MelBands = 128, FftSize = 512 };

        var error = Assert.Throws<ArgumentException>(() => new LogMelExtractor(settings));

        Assert.Contains("covers no FFT bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FftSmallerThanFrame_Throws() =>
        Assert.Throws<ArgumentException>(() => new LogMelExtractor(LogMelSettings.Default with { FftSize = 256 }));

    [Fact]
    public void Constructor_DefaultSettings_EveryBandCoversAtLeastOneBin() =>
        Assert.Equal(64, new LogMelExtractor(LogMelSettings.Default).BandCentres.Count);

    private int NearestCentre(double frequency)
    {
        var best = 0;
        for (var b = 1; b < _extractor.BandCentres.Count; b++)
        {
            if (Math.Abs(_extractor.BandCentres[b] - frequency) < Math.Abs(_extractor.BandCentres[best] - frequency))
            {
                best = b;
            }
        }

        return best;
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);

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
