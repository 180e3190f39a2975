namespace EdgeSentiment.Core.Audio;

/// <summary>Designs Kaiser-windowed sinc low-pass FIR filters (Kaiser's formulas for length and beta).</summary>
internal static class KaiserLowPass
{
    /// <summary>Kaiser's beta for a stopband attenuation of <paramref name="attenuationDb"/> dB.</summary>
    public static double Beta(double attenuationDb) => attenuationDb switch
    {
        > 50 => 0.1102 * (attenuationDb - 8.7),
        >= 21 => (0.5842 * Math.Pow(attenuationDb - 21, 0.4)) + (0.07886 * (attenuationDb - 21)),
        _ => 0,
    };

    /// <summary>Taps needed for <paramref name="attenuationDb"/> dB with a transition band of
    /// <paramref name="transitionWidth"/> cycles per sample.</summary>
    public static int Length(double attenuationDb, double transitionWidth) =>
        (int)Math.Ceiling((attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transitionWidth)) + 1;

    /// <summary>Fills <paramref name="taps"/> with a symmetric low-pass whose taps sum to <paramref name="gain"/>.</summary>
    /// <param name="taps">Destination; its length is the filter length.</param>
    /// <param name="cutoff">Cutoff (the -6 dB point) in cycles per sample, below 0.5.</param>
    /// <param name="beta">Kaiser window shape, see <see cref="Beta"/>.</param>
    /// <param name="gain">DC gain; an interpolator by L needs L.</param>
    public static void Design(Span<double> taps, double cutoff, double beta, double gain)
    {
        double center = (taps.Length - 1) / 2.0;
        double i0Beta = BesselI0(beta);
        double sum = 0;
        for (int n = 0; n < taps.Length; n++)
        {
            double x = n - center;
            double sinc = x == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double r = center == 0 ? 0 : x / center;
            double window = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - (r * r)))) / i0Beta;
            taps[n] = sinc * window;
            sum += taps[n];
        }

        double scale = gain / sum;
        for (int n = 0; n < taps.Length; n++)
        {
            taps[n] *= scale;
        }
    }

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series.</summary>
    private static double BesselI0(double x)
    {
        double term = 1;
        double sum = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; k < 200 && term > sum * 1e-17; k++)
        {
            term *= quarterSquare / ((double)k * k);
            sum += term;
        }

        return sum;
    }
}
