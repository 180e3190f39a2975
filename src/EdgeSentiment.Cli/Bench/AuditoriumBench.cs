using System.Diagnostics;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Device.Capture.EchoCancellation;

namespace EdgeSentiment.Cli.Bench;

/// <summary>
/// A synthetic auditorium: the audience's utterances near the microphone, one after another with
/// the film playing through a room in between and over them, and the dry film as the reference.
/// Measures, with and without the echo canceller and the film gate, how often the film is taken
/// for the audience and how well the audience's sentiment is still heard.
/// </summary>
public static class AuditoriumBench
{
    private const int FrameSamplesForLevel = 320;
    private const float MaxPeak = 0.99f;

    /// <param name="classifier">The window path the agent runs without a reference.</param>
    /// <param name="referenced">The window path the agent runs with a reference (<see cref="SpeechDetectorSettings.Auditorium"/>, or the settings under test).</param>
    /// <param name="audience">The utterances from the seats.</param>
    /// <param name="dialogue">The film's dialogue lines, played in a shuffled loop with the score under them.</param>
    /// <param name="settings">Rooms, levels and layout.</param>
    public static AuditoriumReport Run(WindowClassifier classifier, WindowClassifier referenced, IReadOnlyList<AudienceClip> audience, IReadOnlyList<float[]> dialogue, AuditoriumSettings settings)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(referenced);
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(dialogue);
        ArgumentNullException.ThrowIfNull(settings);
        var rate = classifier.SampleRate;
        var layout = Layout(audience, settings, rate);
        var film = Film(dialogue, layout.Stream.Length, settings, rate);

        // A voice near the microphone, at a level the speech detector was made for; the film is
        // then set relative to it.
        var audienceGain = (float)Math.Pow(10, (settings.AudienceLevelDbfs - ActiveLevel(layout.Spoken)) / 20);
        for (var i = 0; i < layout.Stream.Length; i++)
        {
            layout.Stream[i] *= audienceGain;
        }

        var audienceLevel = settings.AudienceLevelDbfs;
        var timing = new Timing();
        var rows = new List<AuditoriumRow>();

        var clean = Classify(classifier, layout.Stream, timing);
        rows.Add(Score(null, null, "none", clean, layout, classifier.WindowSamples, null));

        // The same speech through the device as installed with a reference while the film is
        // silent: the baseline of the canceller rows.
        var gate = new FilmGate(FilmGateSettings.Default with { MinEnvelopeCorrelation = settings.MinEnvelopeCorrelation, MinEchoToResidualDb = settings.MinEchoToResidualDb }, SpeechDetectorSettings.Default, rate, classifier.WindowSamples);
        var (quiet, quietRemoved) = Cancel(layout.Stream, new float[layout.Stream.Length], settings, rate, classifier, timing);
        rows.Add(Score(null, null, "canceller+gate", Gate(gate, Classify(referenced, quiet, timing), quiet, quietRemoved, classifier, timing), layout, classifier.WindowSamples, null, gated: true));

        foreach (var rt60 in settings.Rt60Seconds)
        {
            var wet = SyntheticRoom.Play(film, SyntheticRoom.ImpulseResponse(rt60, rate, settings.Seed + (int)(rt60 * 1000)), rate);
            foreach (var level in settings.FilmLevelsDb)
            {
                var gain = (float)Math.Pow(10, (audienceLevel + level - ActiveLevel(wet)) / 20);
                var microphone = new float[layout.Stream.Length];
                var peak = 0f;
                for (var i = 0; i < microphone.Length; i++)
                {
                    microphone[i] = (wet[i] * gain) + layout.Stream[i];
                    peak = Math.Max(peak, Math.Abs(microphone[i]));
                }

                // The microphone's gain is set so the loudest scene does not clip: a clipped echo
                // is no longer a linear copy of the reference, and no canceller removes it.
                if (peak > MaxPeak)
                {
                    var trim = MaxPeak / peak;
                    for (var i = 0; i < microphone.Length; i++)
                    {
                        microphone[i] *= trim;
                    }
                }

                rows.Add(Score(level, rt60, "none", Classify(classifier, microphone, timing), layout, classifier.WindowSamples, null));

                var (residual, removed) = Cancel(microphone, film, settings, rate, classifier, timing);
                var erle = Erle(microphone, residual, layout, rate, settings);
                var cancelled = Classify(referenced, residual, timing);
                rows.Add(Score(level, rt60, "canceller", cancelled, layout, classifier.WindowSamples, erle));
                rows.Add(Score(level, rt60, "canceller+gate", Gate(gate, cancelled, residual, removed, classifier, timing), layout, classifier.WindowSamples, erle, gated: true));
            }
        }

        return new AuditoriumReport(
            audience.Count,
            settings.TailSeconds,
            rows,
            timing.CancelMs / Math.Max(1, timing.CancelHops),
            timing.GateMs / Math.Max(1, timing.GateWindows),
            timing.ClassifyMs / Math.Max(1, timing.ClassifyWindows),
            PeakMemory.PeakResidentMegabytes());
    }

    private static AuditoriumLayout Layout(IReadOnlyList<AudienceClip> audience, AuditoriumSettings settings, int rate)
    {
        var leadIn = (int)(settings.LeadInSeconds * rate);
        var gap = (int)(settings.GapSeconds * rate);
        var length = leadIn;
        foreach (var clip in audience)
        {
            length += clip.Samples.Length + gap;
        }

        var stream = new float[length];
        var spans = new List<(int Start, int End, SentimentLabel Label)>(audience.Count);
        var spoken = new List<float>();
        var cursor = leadIn;
        foreach (var clip in audience)
        {
            clip.Samples.CopyTo(stream, cursor);
            spans.Add((cursor, cursor + clip.Samples.Length, clip.Label));
            spoken.AddRange(clip.Samples);
            cursor += clip.Samples.Length + gap;
        }

        return new AuditoriumLayout(stream, spans, [.. spoken], leadIn);
    }

    private static float[] Film(IReadOnlyList<float[]> dialogue, int length, AuditoriumSettings settings, int rate)
    {
        var random = new Random(settings.Seed);
        var film = new float[length];
        var pause = (int)(0.4 * rate);
        var cursor = 0;
        while (cursor < length)
        {
            var line = dialogue[random.Next(dialogue.Count)];
            var take = Math.Min(line.Length, length - cursor);
            line.AsSpan(0, take).CopyTo(film.AsSpan(cursor));
            cursor += take + pause;
        }

        var music = SyntheticMusic.Generate((double)length / rate, rate, settings.Seed);
        var gain = (float)Math.Pow(10, (ActiveLevel(film) + settings.MusicDb - ActiveLevel(music)) / 20);
        for (var i = 0; i < length; i++)
        {
            film[i] += music[i] * gain;
        }

        return film;
    }

    private static (float[] Residual, float[] Removed) Cancel(float[] microphone, float[] reference, AuditoriumSettings settings, int rate, WindowClassifier classifier, Timing timing)
    {
        using var canceller = new EchoCanceller(new EchoCancellerSettings { SampleRate = rate, TailSeconds = settings.TailSeconds, SuppressResidual = settings.SuppressResidual });
        var residual = new float[microphone.Length];
        var removed = new float[microphone.Length];
        var chunk = rate / 10;
        var outResidual = new float[canceller.MaxOutputLength(chunk)];
        var outRemoved = new float[outResidual.Length];
        var written = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var offset = 0; offset + chunk <= microphone.Length; offset += chunk)
        {
            var count = canceller.Process(microphone.AsSpan(offset, chunk), reference.AsSpan(offset, chunk), outResidual, outRemoved);
            outResidual.AsSpan(0, count).CopyTo(residual.AsSpan(written));
            outRemoved.AsSpan(0, count).CopyTo(removed.AsSpan(written));
            written += count;
        }

        timing.CancelMs += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        timing.CancelHops += microphone.Length / (double)(classifier.WindowSamples / 4);
        return (residual, removed);
    }

    private static WindowResult[] Classify(WindowClassifier classifier, float[] stream, Timing timing)
    {
        var hop = classifier.WindowSamples / 4;
        var count = 1 + ((stream.Length - classifier.WindowSamples) / hop);
        var results = new WindowResult[count];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var k = 0; k < count; k++)
        {
            results[k] = classifier.Classify(stream.AsSpan(k * hop, classifier.WindowSamples), TimeSpan.FromSeconds((double)k * hop / classifier.SampleRate));
        }

        timing.ClassifyMs += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        timing.ClassifyWindows += count;
        return results;
    }

    private static WindowResult[] Gate(FilmGate gate, WindowResult[] results, float[] residual, float[] removed, WindowClassifier classifier, Timing timing)
    {
        var hop = classifier.WindowSamples / 4;
        var gated = new WindowResult[results.Length];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var k = 0; k < results.Length; k++)
        {
            // As the agent does (SentimentPipeline): every window with a reference is judged, speech
            // or not, so the film's windows are counted as the device counts them.
            var decision = gate.Decide(residual.AsSpan(k * hop, classifier.WindowSamples), removed.AsSpan(k * hop, classifier.WindowSamples));
            gated[k] = results[k] with { IsFilm = decision.IsFilm, FilmSpeaks = decision.FilmSpeaks };
        }

        timing.GateMs += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        timing.GateWindows += results.Length;
        return gated;
    }

    private static AuditoriumRow Score(double? filmDb, double? rt60, string processing, WindowResult[] results, AuditoriumLayout layout, int windowSamples, double? erle, bool gated = false)
    {
        var hop = windowSamples / 4;
        var filmOnly = 0;
        var filmOnlyScored = 0;
        var filmOnlyMarked = 0;
        var filmOnlyMood = 0;
        var smoother = new MoodSmoother(MoodSmootherSettings.Default);
        Span<float> probabilities = stackalloc float[SentimentLabels.Count];
        for (var k = 0; k < results.Length; k++)
        {
            // The mood as the agent's smoother makes it from the same windows, in order.
            probabilities[(int)SentimentLabel.Negative] = results[k].Scores.Negative;
            probabilities[(int)SentimentLabel.Neutral] = results[k].Scores.Neutral;
            probabilities[(int)SentimentLabel.Positive] = results[k].Scores.Positive;
            var mood = smoother.Update(results[k].IsAudienceSpeech, results[k].IsFilm, probabilities);
            var start = k * hop;
            if (start >= layout.LeadIn && Overlap(layout, start, start + windowSamples) == 0)
            {
                filmOnly++;
                if (mood == AudienceMood.Film)
                {
                    filmOnlyMood++;
                }

                if (results[k].IsAudienceSpeech)
                {
                    filmOnlyScored++;
                }

                if (results[k].IsFilm)
                {
                    filmOnlyMarked++;
                }
            }
        }

        var correct = new int[SentimentLabels.Count];
        var total = new int[SentimentLabels.Count];
        var heard = 0;
        Span<double> sum = stackalloc double[SentimentLabels.Count];
        foreach (var (spanStart, spanEnd, label) in layout.Spans)
        {
            total[(int)label]++;
            sum.Clear();
            var windows = 0;
            var first = Math.Max(0, (spanStart - windowSamples) / hop);
            for (var k = first; k < results.Length && k * hop < spanEnd; k++)
            {
                var start = k * hop;
                var shared = Math.Min(spanEnd, start + windowSamples) - Math.Max(spanStart, start);
                if (shared * 2 >= Math.Min(windowSamples, spanEnd - spanStart) && results[k].IsAudienceSpeech)
                {
                    sum[0] += results[k].Scores.Negative;
                    sum[1] += results[k].Scores.Neutral;
                    sum[2] += results[k].Scores.Positive;
                    windows++;
                }
            }

            if (windows == 0)
            {
                continue;
            }

            heard++;
            var best = 0;
            for (var i = 1; i < sum.Length; i++)
            {
                if (sum[i] > sum[best])
                {
                    best = i;
                }
            }

            if (best == (int)label)
            {
                correct[(int)label]++;
            }
        }

        double recall = 0;
        var present = 0;
        for (var i = 0; i < total.Length; i++)
        {
            if (total[i] > 0)
            {
                recall += (double)correct[i] / total[i];
                present++;
            }
        }

        return new AuditoriumRow(
            filmDb,
            rt60,
            processing,
            filmDb is null || filmOnly == 0 ? null : (double)filmOnlyScored / filmOnly,
            !gated || filmDb is null || filmOnly == 0 ? null : (double)filmOnlyMarked / filmOnly,
            !gated || filmDb is null || filmOnly == 0 ? null : (double)filmOnlyMood / filmOnly,
            present == 0 ? 0 : recall / present,
            layout.Spans.Count == 0 ? 0 : (double)heard / layout.Spans.Count,
            erle);
    }

    private static int Overlap(AuditoriumLayout layout, int start, int end)
    {
        var shared = 0;
        foreach (var (spanStart, spanEnd, _) in layout.Spans)
        {
            shared += Math.Max(0, Math.Min(end, spanEnd) - Math.Max(start, spanStart));
        }

        return shared;
    }

    /// <summary>ERLE where only the film plays, after the lead-in.</summary>
    private static double Erle(float[] microphone, float[] residual, AuditoriumLayout layout, int rate, AuditoriumSettings settings)
    {
        double before = 0, after = 0;
        var gap = (int)(settings.GapSeconds * rate);
        foreach (var (_, spanEnd, _) in layout.Spans)
        {
            // The film alone between this utterance and the next; the last frame may not be cancelled yet.
            var end = Math.Min(spanEnd + gap, microphone.Length - 1024);
            for (var i = spanEnd; i < end; i++)
            {
                before += (double)microphone[i] * microphone[i];
                after += (double)residual[i] * residual[i];
            }
        }

        return 10 * Math.Log10(Math.Max(before, 1e-20) / Math.Max(after, 1e-20));
    }

    /// <summary>
    /// The level of a signal while it sounds, in dB: the mean power of its louder half of 20 ms
    /// frames, so that pauses do not make a sparse voice look quieter than a continuous film.
    /// </summary>
    private static double ActiveLevel(float[] samples)
    {
        var frames = samples.Length / FrameSamplesForLevel;
        if (frames == 0)
        {
            return -200;
        }

        var powers = new double[frames];
        for (var f = 0; f < frames; f++)
        {
            double sum = 0;
            foreach (var sample in samples.AsSpan(f * FrameSamplesForLevel, FrameSamplesForLevel))
            {
                sum += (double)sample * sample;
            }

            powers[f] = sum / FrameSamplesForLevel;
        }

        Array.Sort(powers);
        double loud = 0;
        for (var f = frames / 2; f < frames; f++)
        {
            loud += powers[f];
        }

        return 10 * Math.Log10(Math.Max(loud / (frames - (frames / 2)), 1e-20));
    }

    private sealed record AuditoriumLayout(float[] Stream, List<(int Start, int End, SentimentLabel Label)> Spans, float[] Spoken, int LeadIn);

    private sealed class Timing
    {
        public double CancelMs { get; set; }

        public double CancelHops { get; set; }

        public double GateMs { get; set; }

        public int GateWindows { get; set; }

        public double ClassifyMs { get; set; }

        public int ClassifyWindows { get; set; }
    }
}
