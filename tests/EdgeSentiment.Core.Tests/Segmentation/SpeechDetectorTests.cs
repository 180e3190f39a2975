using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Segmentation;

public sealed class SpeechDetectorTests
{
    private const int Window = 32000;
    private const int Hop = 8000;
    private readonly SpeechDetector _detector = new(SpeechDetectorSettings.Default, 16000, Window);

    [Fact]
    public void Detect_DigitalSilence_IsNoSpeechForLevel()
    {
        var decision = _detector.Detect(new float[Window]);

        Assert.False(decision.IsSpeech);
        Assert.Equal(SpeechCheck.Level, decision.FailedCheck);
        Assert.True(decision.LevelDbfs < -100);
    }

    [Fact]
    public void Detect_LowNoise_IsNoSpeechForLevel()
    {
        var decision = _detector.Detect(Signals.Noise(2, Math.Pow(10, -65 / 20.0)));

        Assert.Equal(SpeechCheck.Level, decision.FailedCheck);
        Assert.InRange(decision.LevelDbfs, -66, -64);
    }

    [Fact]
    public void Detect_WhiteNoiseAtSpeechLevel_IsNoSpeech()
    {
        var decision = _detector.Detect(Signals.Noise(2, 0.1));

        Assert.False(decision.IsSpeech);
        Assert.Equal(SpeechCheck.Activity, decision.FailedCheck);
        Assert.InRange(decision.LevelDbfs, -21, -19);
    }

    [Fact]
    public void Detect_SteadyTone_IsNoSpeech()
    {
        var decision = _detector.Detect(Signals.Sine(440, 2, 0.3));

        Assert.False(decision.IsSpeech);
        Assert.Equal(SpeechCheck.Activity, decision.FailedCheck);
    }

    [Fact]
    public void Detect_SustainedChordWithVibrato_IsNoSpeech()
    {
        var decision = _detector.Detect(Chord(2));

        Assert.False(decision.IsSpeech);
        Assert.True(decision.ActiveRatio < 0.05f, $"active ratio {decision.ActiveRatio}");
    }

    [Fact]
    public void Detect_EveryWindowOfRecordedSpeech_IsSpeech()
    {
        var speech = TestWav.ReadPcm16(TestWav.Resource("speech-4s.wav"));

        foreach (var decision in DecideAll(speech))
        {
            Assert.True(decision.IsSpeech, decision.ToString());
        }
    }

    [Fact]
    public void Detect_SpeechInWhiteNoiseAt10DbSnr_IsStillSpeech()
    {
        var speech = TestWav.ReadPcm16(TestWav.Resource("speech-4s.wav"));
        var noisy = Signals.Mix(speech, Signals.Noise(5, 0.1, seed: 3), snrDb: 10);

        foreach (var decision in DecideAll(noisy))
        {
            Assert.True(decision.IsSpeech, decision.ToString());
        }
    }

    [Fact]
    public void Detect_QuietButAudibleSpeech_IsSpeech()
    {
        var speech = TestWav.ReadPcm16(TestWav.Resource("speech-4s.wav"));
        for (var i = 0; i < speech.Length; i++)
        {
            speech[i] *= 0.05f; // about -46 dBFS
        }

        Assert.True(DecideAll(speech)[0].IsSpeech);
    }

    [Fact]
    public void Detect_SecondCall_AllocatesNothing()
    {
        var window = Signals.Noise(2, 0.1);

        Assert.Equal(0, Allocations.FewestBytes(() => _detector.Detect(window), calls: 3));
    }

    [Fact]
    public void DetectSliding_WindowsOneHopApart_DecideExactlyAsDetect()
    {
        var speech = Signals.Mix(TestWav.ReadPcm16(TestWav.Resource("speech-4s.wav")), Signals.Noise(5, 0.1, seed: 3), snrDb: 10);
        var windows = 0;
        for (var start = 0; start + Window <= speech.Length; start += Hop)
        {
            var window = speech.AsSpan(start, Window);
            var sliding = _detector.DetectSliding(window, start == 0 ? 0 : Hop);
            var alone = new SpeechDetector(SpeechDetectorSettings.Default, 16000, Window).Detect(window);

            Assert.Equal(alone, sliding);
            windows++;
        }

        Assert.True(windows >= 4, $"{windows} windows");
    }

    [Fact]
    public void DetectSliding_WholeHops_CarriesTheSharedFrameLevelsOver()
    {
        // Told that silence continues loud noise, the detector keeps the noise's frame levels for
        // the shared three quarters and measures only the last quarter, which proves it skipped them.
        _detector.Detect(Signals.Noise(2, 0.1));

        var decision = _detector.DetectSliding(new float[Window], Hop);

        Assert.InRange(decision.ActiveRatio, 0.7f, 0.8f);
        Assert.Equal(0f, _detector.Detect(new float[Window]).ActiveRatio);
    }

    [Fact]
    public void Detect_WrongWindowLength_Throws() =>
        Assert.Throws<ArgumentException>(() => _detector.Detect(new float[100]));

    private List<SpeechDecision> DecideAll(float[] audio)
    {
        var planner = new WindowPlanner(AnalysisWindowSettings.Default, 16000);
        var buffer = new float[Window];
        var decisions = new List<SpeechDecision>();
        foreach (var window in planner.Plan(audio.Length))
        {
            planner.Fill(audio, window, buffer);
            decisions.Add(_detector.Detect(buffer));
        }

        Assert.NotEmpty(decisions);
        return decisions;
    }

    // C major triad with octave partials and a 5 Hz vibrato: held music, no speech.
    private static float[] Chord(double seconds)
    {
        var samples = new float[(int)(seconds * 16000)];
        double[] notes = [261.63, 329.63, 392.00];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / 16000.0;
            var vibrato = 1 + (0.004 * Math.Sin(2 * Math.PI * 5 * t));
            double sum = 0;
            foreach (var f in notes)
            {
                sum += (0.1 * Math.Sin(2 * Math.PI * f * vibrato * t)) + (0.04 * Math.Sin(4 * Math.PI * f * vibrato * t));
            }

            samples[i] = (float)sum;
        }

        return samples;
    }
}
