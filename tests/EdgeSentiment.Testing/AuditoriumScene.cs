using EdgeSentiment.Core.Audio;

namespace EdgeSentiment.Testing;

/// <summary>
/// 20 s of an auditorium for the two-channel file device: the film (synthetic dialogue) plays
/// through a room with a reverberation time of 0.4 s, 10 dB louder at the microphone than a voice
/// from the seats between <see cref="AudienceStart"/> and <see cref="AudienceEnd"/>; the reference
/// is the dry film.
/// </summary>
public sealed record AuditoriumScene(float[] Microphone, float[] Reference, float[] Audience)
{
    public static readonly TimeSpan AudienceStart = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan AudienceEnd = TimeSpan.FromSeconds(14);

    public static AuditoriumScene Make(int rate)
    {
        var seconds = 20;
        var film = SyntheticSpeech.Generate(seconds, rate);
        for (var i = 0; i < film.Length; i++)
        {
            film[i] *= 0.5f;
        }

        var echo = SyntheticRoom.Play(film, SyntheticRoom.ImpulseResponse(0.4, rate, seed: 11), rate);

        // The voice is the same kind of synthetic speech, a little over a second out of step with
        // the film, so its syllables fall where the film's do not.
        var voice = SyntheticSpeech.Generate(seconds, rate);
        var audience = new float[film.Length];
        var from = (int)(AudienceStart.TotalSeconds * rate);
        var to = (int)(AudienceEnd.TotalSeconds * rate);
        var shift = (int)(1.3 * rate);
        for (var i = from; i < to; i++)
        {
            audience[i] = voice[i - shift] * 0.5f * (float)Math.Pow(10, -10 / 20.0);
        }

        var microphone = new float[film.Length];
        for (var i = 0; i < microphone.Length; i++)
        {
            microphone[i] = echo[i] + audience[i];
        }

        return new AuditoriumScene(microphone, film, audience);
    }

    /// <summary>Channel 1 the microphone, channel 2 the reference, frame by frame.</summary>
    public float[] Interleaved()
    {
        var frames = new float[Microphone.Length * 2];
        for (var i = 0; i < Microphone.Length; i++)
        {
            frames[2 * i] = Microphone[i];
            frames[(2 * i) + 1] = Reference[i];
        }

        return frames;
    }
}
