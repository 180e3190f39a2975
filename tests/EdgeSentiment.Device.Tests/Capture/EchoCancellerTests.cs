using EdgeSentiment.Core.Audio;
using EdgeSentiment.Device.Capture.EchoCancellation;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Capture;

/// <summary>The SpeexDSP echo canceller through our binding, in a synthetic room.</summary>
public sealed class EchoCancellerTests
{
    private const int Rate = 16000;

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.8)]
    public void Process_FilmInAReverberantRoom_RemovesMostOfTheEcho(double rt60)
    {
        // The film alone: after the filter has learned the room, what is left is far quieter
        // than what the microphone heard.
        var film = SyntheticSpeech.Generate(16, Rate);
        var microphone = SyntheticRoom.Play(film, SyntheticRoom.ImpulseResponse(rt60, Rate, seed: 7), Rate);
        using var canceller = new EchoCanceller(new EchoCancellerSettings { TailSeconds = rt60 });

        var (residual, _) = Run(canceller, microphone, film);

        var erle = Decibels(microphone.AsSpan(8 * Rate, 8 * Rate)) - Decibels(residual.AsSpan(8 * Rate, 8 * Rate));
        Assert.True(erle >= 10, $"echo return loss enhancement {erle:F1} dB, expected at least 10 dB");
    }

    [Fact]
    public void Process_AudienceSpeaksOverTheFilm_KeepsTheAudience()
    {
        // The film 10 dB louder than a voice near the microphone: once the room is learned, the
        // residual is the voice, not the film.
        var film = SyntheticSpeech.Generate(16, Rate);
        var voice = Signals.Sine(220, 16, amplitude: 0.05);
        var echo = SyntheticRoom.Play(film, SyntheticRoom.ImpulseResponse(0.5, Rate, seed: 3), Rate);
        var scale = (float)Math.Pow(10, (Decibels(voice) + 10 - Decibels(echo)) / 20);
        var microphone = new float[film.Length];
        for (var i = 0; i < microphone.Length; i++)
        {
            microphone[i] = (echo[i] * scale) + voice[i];
        }

        using var canceller = new EchoCanceller(new EchoCancellerSettings { SuppressResidual = false });
        var (residual, removed) = Run(canceller, microphone, film);

        var tail = new Range(10 * Rate, 16 * Rate - canceller.FrameSamples);
        var left = new float[residual.Length];
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = residual[i] - voice[i];
        }

        var voiceToRest = Decibels(voice.AsSpan(tail)) - Decibels(left.AsSpan(tail));
        Assert.True(voiceToRest >= 3, $"the voice is {voiceToRest:F1} dB above what remains of the film; before cancelling it was -10 dB");
        Assert.True(Decibels(removed.AsSpan(tail)) > Decibels(voice.AsSpan(tail)), "what was removed should be the louder film");
    }

    [Fact]
    public void Process_OddChunkLengths_WritesWholeFramesAndLosesNoSample()
    {
        using var canceller = new EchoCanceller(new EchoCancellerSettings());
        var input = new float[1000];
        var residual = new float[canceller.MaxOutputLength(input.Length)];
        var removed = new float[residual.Length];
        var total = 0;
        for (var i = 0; i < 10; i++)
        {
            var written = canceller.Process(input.AsSpan(0, 100 * (i + 1) % 1000 + 1), input.AsSpan(0, 100 * (i + 1) % 1000 + 1), residual, removed);
            Assert.Equal(0, written % canceller.FrameSamples);
            total += written;
        }

        var given = 0;
        for (var i = 0; i < 10; i++)
        {
            given += 100 * (i + 1) % 1000 + 1;
        }

        Assert.Equal(given / canceller.FrameSamples * canceller.FrameSamples, total);
    }

    [Fact]
    public void Process_AfterWarmUp_AllocatesNothing()
    {
        using var canceller = new EchoCanceller(new EchoCancellerSettings());
        var microphone = SyntheticSpeech.Generate(0.1, Rate);
        var reference = SyntheticSpeech.Generate(0.1, Rate);
        var residual = new float[canceller.MaxOutputLength(microphone.Length)];
        var removed = new float[residual.Length];

        Assert.Equal(0, Allocations.FewestBytes(() => canceller.Process(microphone, reference, residual, removed), calls: 20));
    }

    [Fact]
    public void Constructor_TailOutOfRange_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new EchoCanceller(new EchoCancellerSettings { TailSeconds = 5 }));

        Assert.Contains("TailSeconds", error.Message, StringComparison.Ordinal);
    }

    private static (float[] Residual, float[] Removed) Run(EchoCanceller canceller, float[] microphone, float[] reference)
    {
        // In 100 ms chunks, as the capture thread reads them.
        var residual = new float[microphone.Length + canceller.FrameSamples];
        var removed = new float[residual.Length];
        var chunk = Rate / 10;
        var written = 0;
        var output = new float[canceller.MaxOutputLength(chunk)];
        var taken = new float[output.Length];
        for (var offset = 0; offset + chunk <= microphone.Length; offset += chunk)
        {
            var count = canceller.Process(microphone.AsSpan(offset, chunk), reference.AsSpan(offset, chunk), output, taken);
            output.AsSpan(0, count).CopyTo(residual.AsSpan(written));
            taken.AsSpan(0, count).CopyTo(removed.AsSpan(written));
            written += count;
        }

        return (residual[..microphone.Length], removed[..microphone.Length]);
    }

    private static double Decibels(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }

        return 10 * Math.Log10(Math.Max(sum / samples.Length, 1e-20));
    }
}
