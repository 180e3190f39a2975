using NWaves.Operations.Convolution;
using NWaves.Signals;

namespace EdgeSentiment.Core.Audio;

/// <summary>
/// A room made up from its reverberation time: a direct path followed by exponentially decaying
/// Gaussian noise, the textbook model of a diffuse late reverberation.
/// </summary>
public static class SyntheticRoom
{
    /// <summary>
    /// An impulse response whose energy falls by 60 dB in <paramref name="rt60Seconds"/>, with the
    /// direct sound after <paramref name="delaySeconds"/> (the loudspeaker's distance), scaled to unit energy.
    /// </summary>
    public static float[] ImpulseResponse(double rt60Seconds, int sampleRate, int seed, double delaySeconds = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rt60Seconds);
        var random = new Random(seed);
        var delay = (int)Math.Round(delaySeconds * sampleRate);
        var response = new float[delay + (int)Math.Ceiling(rt60Seconds * sampleRate)];
        response[delay] = 1f;

        // Amplitude falls by 60 dB (a factor 1000) over RT60: exp(-ln(1000) t / RT60).
        var decay = Math.Log(1000) / (rt60Seconds * sampleRate);
        for (var n = delay + 1; n < response.Length; n++)
        {
            response[n] = (float)(0.3 * Gaussian(random) * Math.Exp(-decay * (n - delay)));
        }

        double energy = 0;
        foreach (var tap in response)
        {
            energy += (double)tap * tap;
        }

        var scale = (float)(1 / Math.Sqrt(energy));
        for (var n = 0; n < response.Length; n++)
        {
            response[n] *= scale;
        }

        return response;
    }

    /// <summary><paramref name="dry"/> as the room makes it sound at the microphone, as long as <paramref name="dry"/>.</summary>
    public static float[] Play(float[] dry, float[] impulseResponse, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(dry);
        ArgumentNullException.ThrowIfNull(impulseResponse);

        // Overlap-save in blocks: a whole-signal FFT of half an hour of audio would need gigabytes.
        var fftSize = 1 << (int)Math.Ceiling(Math.Log2(Math.Max(4096, 4 * impulseResponse.Length)));
        var convolver = new OlsBlockConvolver(impulseResponse, fftSize);
        var wet = convolver.ApplyTo(new DiscreteSignal(sampleRate, dry));
        return wet.Samples.AsSpan(0, dry.Length).ToArray();
    }

    private static double Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
