namespace EdgeSentiment.Agent.Capture;

/// <summary>A second-order IIR section (RBJ cookbook), transposed direct form II.</summary>
internal sealed class Biquad
{
    private readonly float _b0;
    private readonly float _b1;
    private readonly float _b2;
    private readonly float _a1;
    private readonly float _a2;
    private float _z1;
    private float _z2;

    private Biquad(double b0, double b1, double b2, double a1, double a2)
    {
        _b0 = (float)b0;
        _b1 = (float)b1;
        _b2 = (float)b2;
        _a1 = (float)a1;
        _a2 = (float)a2;
    }

    /// <summary>Butterworth (Q = 1/√2) low-pass at <paramref name="cutoff"/> Hz.</summary>
    public static Biquad LowPass(double sampleRate, double cutoff)
    {
        var omega = 2 * Math.PI * Math.Min(cutoff, 0.49 * sampleRate) / sampleRate;
        var alpha = Math.Sin(omega) / (2 * Math.Sqrt(0.5));
        var cos = Math.Cos(omega);
        var a0 = 1 + alpha;
        return new Biquad(
            (1 - cos) / 2 / a0,
            (1 - cos) / a0,
            (1 - cos) / 2 / a0,
            -2 * cos / a0,
            (1 - alpha) / a0);
    }

    /// <summary>Filters <paramref name="input"/> into <paramref name="output"/> (they may be the same memory).</summary>
    public void Process(ReadOnlySpan<float> input, Span<float> output)
    {
        for (var i = 0; i < input.Length; i++)
        {
            var x = input[i];
            var y = (_b0 * x) + _z1;
            _z1 = (_b1 * x) - (_a1 * y) + _z2;
            _z2 = (_b2 * x) - (_a2 * y);
            output[i] = y;
        }
    }
}
