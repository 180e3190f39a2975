using NWaves.Filters.Fda;
using NWaves.Transforms;
using NWaves.Utils;
using NWaves.Windows;

namespace EdgeSentiment.Core.Features;

/// <summary>Log-mel spectrogram of 16 kHz mono audio into caller-owned buffers; no allocation per frame.</summary>
/// <remarks>
/// Per frame: symmetric Hann window of <see cref="LogMelSettings.FrameLength"/> samples, zero-padded
/// to <see cref="LogMelSettings.FftSize"/>, power spectrum |X|² (not divided by the FFT size),
/// HTK-mel triangular filters with peak 1 (not area-normalised), natural log of
/// max(mel, <see cref="LogMelSettings.LogFloor"/>). docs/features.md is the specification.
/// One instance serves one thread at a time: it owns its scratch buffers.
/// </remarks>
public sealed class LogMelExtractor
{
    private readonly RealFft _fft;
    private readonly float[] _window;
    private readonly float[] _frame;
    private readonly float[] _spectrum;

    // The filterbank is stored sparsely: band b covers bins [_firstBin[b], _firstBin[b] + _binCount[b])
    // with weights at _weights[_weightOffset[b]..]. A dense 64 x 257 product would be 8x the work.
    private readonly int[] _firstBin;
    private readonly int[] _binCount;
    private readonly int[] _weightOffset;
    private readonly float[] _weights;
    private readonly float _logFloor;

    public LogMelExtractor(LogMelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        Settings = settings;

        _fft = new RealFft(settings.FftSize);
        _window = Window.OfType(WindowType.Hann, settings.FrameLength);
        // FftSize long: NWaves' RealFft reads a full FFT block, and the tail past FrameLength
        // stays zero for the life of the extractor, which is the zero padding.
        _frame = new float[settings.FftSize];
        _spectrum = new float[(settings.FftSize / 2) + 1];
        _logFloor = (float)settings.LogFloor;

        var bands = FilterBanks.MelBands(
            settings.MelBands, settings.SampleRate, settings.MinFrequency, settings.MaxFrequency, overlap: true);
        var dense = FilterBanks.Triangular(settings.FftSize, settings.SampleRate, bands, null, Scale.HerzToMel);
        (_firstBin, _binCount, _weightOffset, _weights) = Compact(dense, settings);
        var centres = new double[bands.Length];
        for (var b = 0; b < bands.Length; b++)
        {
            centres[b] = bands[b].Item2;
        }

        BandCentres = centres;
    }

    public LogMelSettings Settings { get; }

    /// <summary>Centre frequency in Hz of each mel band, lowest first.</summary>
    public IReadOnlyList<double> BandCentres { get; }

    /// <summary>Values <see cref="Compute"/> writes for <paramref name="sampleCount"/> samples.</summary>
    public int FeatureCount(int sampleCount) => Settings.FrameCount(sampleCount) * Settings.MelBands;

    /// <summary>
    /// Writes <c>Settings.FrameCount(samples.Length) * Settings.MelBands</c> values into
    /// <paramref name="features"/>, frame after frame (row-major [frame, band]).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="features"/> is shorter than that.</exception>
    public void Compute(ReadOnlySpan<float> samples, Span<float> features) => ComputeSliding(samples, features, 0);

    /// <summary>
    /// The same values as <see cref="Compute"/>, for <paramref name="samples"/> that continue the
    /// samples of the previous call on <paramref name="features"/> by <paramref name="shiftSamples"/>
    /// (sample i here is sample i + <paramref name="shiftSamples"/> there). When the shift is a
    /// whole number of hops, the frames both share are moved to their new place instead of being
    /// computed again: every frame depends only on its own samples, with no padding, normalisation
    /// or state across frames, so the result is bit for bit what <see cref="Compute"/> writes.
    /// A shift of 0 computes every frame.
    /// </summary>
    /// <remarks>
    /// The caller vouches that the samples continue and that <paramref name="features"/> still holds
    /// the previous call's values, e.g. with <see cref="Segmentation.WindowOverlap"/>.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="features"/> is shorter than needed.</exception>
    public void ComputeSliding(ReadOnlySpan<float> samples, Span<float> features, int shiftSamples)
    {
        var frames = Settings.FrameCount(samples.Length);
        var needed = frames * Settings.MelBands;
        if (features.Length < needed)
        {
            throw new ArgumentException(
                $"{samples.Length} samples make {frames} frames of {Settings.MelBands} bands: the feature buffer needs {needed} values, it has {features.Length}.",
                nameof(features));
        }

        var first = 0;
        if (shiftSamples > 0 && shiftSamples % Settings.HopLength == 0 && shiftSamples / Settings.HopLength < frames)
        {
            var shift = shiftSamples / Settings.HopLength;
            first = frames - shift;
            features.Slice(shift * Settings.MelBands, first * Settings.MelBands).CopyTo(features);
        }

        for (var f = first; f < frames; f++)
        {
            ComputeFrame(samples.Slice(f * Settings.HopLength, Settings.FrameLength), features.Slice(f * Settings.MelBands, Settings.MelBands));
        }
    }

    private void ComputeFrame(ReadOnlySpan<float> samples, Span<float> bands)
    {
        for (var i = 0; i < _window.Length; i++)
        {
            _frame[i] = samples[i] * _window[i];
        }

        _fft.PowerSpectrum(_frame, _spectrum, normalize: false);

        for (var b = 0; b < bands.Length; b++)
        {
            var bins = _spectrum.AsSpan(_firstBin[b], _binCount[b]);
            var weights = _weights.AsSpan(_weightOffset[b], _binCount[b]);
            var sum = 0f;
            for (var k = 0; k < bins.Length; k++)
            {
                sum += bins[k] * weights[k];
            }

            bands[b] = MathF.Log(MathF.Max(sum, _logFloor));
        }
    }

    private static (int[] First, int[] Count, int[] Offset, float[] Weights) Compact(float[][] dense, LogMelSettings settings)
    {
        var first = new int[dense.Length];
        var count = new int[dense.Length];
        var offset = new int[dense.Length];
        var total = 0;
        for (var b = 0; b < dense.Length; b++)
        {
            var lo = Array.FindIndex(dense[b], w => w > 0);
            var hi = Array.FindLastIndex(dense[b], w => w > 0);
            if (lo < 0)
            {
                throw new ArgumentException(
                    $"mel band {b} of {settings.MelBands} between {settings.MinFrequency} and {settings.MaxFrequency} Hz covers no FFT bin: use fewer bands or a larger FftSize.",
                    nameof(settings));
            }

            first[b] = lo;
            count[b] = hi - lo + 1;
            offset[b] = total;
            total += count[b];
        }

        var weights = new float[total];
        for (var b = 0; b < dense.Length; b++)
        {
            Array.Copy(dense[b], first[b], weights, offset[b], count[b]);
        }

        return (first, count, offset, weights);
    }

    private static void Validate(LogMelSettings settings)
    {
        var s = settings;
        static ArgumentException Bad(string message) => new(message, nameof(settings));

        if (s.SampleRate <= 0 || s.FrameLength <= 0 || s.HopLength <= 0 || s.MelBands <= 0)
        {
            throw Bad("SampleRate, FrameLength, HopLength and MelBands must be positive.");
        }

        if (s.FftSize < s.FrameLength || (s.FftSize & (s.FftSize - 1)) != 0)
        {
            throw Bad($"FftSize must be a power of two at least FrameLength ({s.FrameLength}); it is {s.FftSize}.");
        }

        if (s.MinFrequency < 0 || s.MaxFrequency <= s.MinFrequency || s.MaxFrequency > s.SampleRate / 2.0)
        {
            throw Bad($"need 0 <= MinFrequency < MaxFrequency <= SampleRate/2; got {s.MinFrequency} and {s.MaxFrequency} Hz.");
        }

        if (!(s.LogFloor > 0))
        {
            throw Bad($"LogFloor must be positive; it is {s.LogFloor}.");
        }
    }
}
