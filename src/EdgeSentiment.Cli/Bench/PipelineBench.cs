using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using EdgeSentiment.Cli.Analyze;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Device.Capture.EchoCancellation;

namespace EdgeSentiment.Cli.Bench;

/// <summary>
/// Runs the agent's window path (window assembly, speech detection, log-mel, model, mood) over
/// synthetic speech as fast as it can and measures it.
/// </summary>
public static class PipelineBench
{
    /// <summary>Audio arrives in chunks of this many seconds, as a capture callback delivers it.</summary>
    private const double ChunkSeconds = 0.02;

    /// <summary>
    /// Windows run before measuring, and for at least <see cref="WarmUpTime"/>: the runtime compiles
    /// the hot methods again, optimised, only after some calls and a pause, in the background.
    /// With 12 windows the first measured ones still ran unoptimised code at 3 times the latency.
    /// </summary>
    private const int WarmUpWindows = 60;

    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(1);

    /// <summary>The synthetic audio is this long and repeats, so memory does not grow with --seconds.</summary>
    private const double LoopSeconds = 10;

    /// <exception cref="ModelLoadException">The model is missing, corrupt, or made for other features.</exception>
    public static BenchReport Run(string modelPath, double seconds, int threads)
    {
        var windows = AnalysisWindowSettings.Default;
        var loadStart = Stopwatch.GetTimestamp();
        using var classifier = WindowClassifier.Load(modelPath, windows, threads: threads);
        var modelLoad = Stopwatch.GetElapsedTime(loadStart);

        var rate = classifier.SampleRate;
        var audio = SyntheticSpeech.Generate(Math.Min(LoopSeconds, seconds), rate);
        var assembler = new WindowAssembler(windows, rate);

        // The window buffer the agent hands from the assembler to the classifier (pooled there).
        var window = new float[assembler.WindowSamples];
        var mood = new MoodSmoother(MoodSmootherSettings.Default);
        var chunk = (int)Math.Round(ChunkSeconds * rate);

        var warmUpSamples = (long)classifier.WindowSamples + ((long)(WarmUpWindows - 1) * assembler.HopSamples);
        var warmUpStart = Stopwatch.GetTimestamp();
        do
        {
            Stream(classifier, assembler, window, mood, audio, warmUpSamples, chunk, latencies: null);
            assembler.Reset();
            mood.Reset();
        }
        while (Stopwatch.GetElapsedTime(warmUpStart) < WarmUpTime);

        var total = (long)Math.Round(seconds * rate);
        var expected = total < classifier.WindowSamples ? 0 : 1 + (int)((total - classifier.WindowSamples) / assembler.HopSamples);
        var latencies = new long[expected];

        // Touch every page now: fresh pages count in RSS only once written, and a long run
        // (scripts/soak) would otherwise show this buffer filling as growth.
        Array.Fill(latencies, -1L);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        var count = Stream(classifier, assembler, window, mood, audio, total, chunk, latencies);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var milliseconds = new double[count];
        for (var i = 0; i < count; i++)
        {
            milliseconds[i] = latencies[i] * 1000.0 / Stopwatch.Frequency;
        }

        Array.Sort(milliseconds);
        var (echoMs, echoBytes) = EchoCancelling(audio, classifier.WindowSamples, assembler.HopSamples, rate);
        return new BenchReport(
            AnalysisJson.Describe(classifier.Model),
            modelPath,
            threads,
            RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
            Dp.IsSupported,
            (double)total / rate,
            count,
            elapsed.TotalSeconds / ((double)total / rate),
            cpu.TotalSeconds / ((double)total / rate),
            Percentile(milliseconds, 0.50),
            Percentile(milliseconds, 0.95),
            Percentile(milliseconds, 0.99),
            count == 0 ? 0 : (double)allocated / count,
            modelLoad.TotalMilliseconds,
            PeakMemory.PeakResidentMegabytes(),
            echoMs,
            echoBytes);
    }

    /// <summary>
    /// What a soundtrack reference adds per window: cancelling one hop of audio in the capture's
    /// 100 ms reads, and the film gate on one window. The audio is its own reference, through no room.
    /// </summary>
    private static (double? Ms, double? Bytes) EchoCancelling(float[] audio, int windowSamples, int hopSamples, int rate)
    {
        EchoCanceller canceller;
        try
        {
            canceller = new EchoCanceller(new EchoCancellerSettings { SampleRate = rate });
        }
        catch (EchoCancellerException)
        {
            return (null, null);
        }

        using (canceller)
        {
            var gate = new FilmGate(FilmGateSettings.Default, SpeechDetectorSettings.Default, rate, windowSamples);
            var read = rate / 10;
            var residual = new float[canceller.MaxOutputLength(read)];
            var removed = new float[residual.Length];
            var hasWindow = audio.Length >= windowSamples;
            var windows = Math.Max(1, (audio.Length - read) / hopSamples);
            void Run()
            {
                for (var offset = 0; offset + read <= audio.Length; offset += read)
                {
                    canceller.Process(audio.AsSpan(offset, read), audio.AsSpan(offset, read), residual, removed);
                }

                for (var i = 0; i < windows && hasWindow; i++)
                {
                    gate.Decide(audio.AsSpan(0, windowSamples), audio.AsSpan(0, windowSamples));
                }
            }

            Run();
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            Run();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            return (cpu.TotalMilliseconds / windows, (double)allocated / windows);
        }
    }

    // The hot loop: everything in it must stay free of allocation, which is what the report checks.
    private static int Stream(
        WindowClassifier classifier,
        WindowAssembler assembler,
        float[] window,
        MoodSmoother mood,
        float[] audio,
        long samples,
        int chunkSamples,
        long[]? latencies)
    {
        Span<float> probabilities = stackalloc float[SentimentLabels.Count];
        var windows = 0;
        var position = 0;
        for (long sent = 0; sent < samples;)
        {
            var length = (int)Math.Min(Math.Min(chunkSamples, samples - sent), audio.Length - position);
            var chunk = audio.AsSpan(position, length);
            sent += length;
            position = (position + length) % audio.Length;
            while (!chunk.IsEmpty)
            {
                chunk = chunk[assembler.Append(chunk)..];
                if (!assembler.IsWindowReady)
                {
                    continue;
                }

                var windowStart = Stopwatch.GetTimestamp();
                assembler.CopyWindowTo(window);
                var result = classifier.Classify(window, TimeSpan.FromSeconds((double)assembler.WindowStart / classifier.SampleRate));
                probabilities[0] = result.Scores.Negative;
                probabilities[1] = result.Scores.Neutral;
                probabilities[2] = result.Scores.Positive;
                mood.Update(result.IsSpeech, probabilities);
                if (latencies is not null && windows < latencies.Length)
                {
                    latencies[windows] = Stopwatch.GetTimestamp() - windowStart;
                }

                windows++;
            }
        }

        return latencies is null ? windows : Math.Min(windows, latencies.Length);
    }

    // Nearest rank on sorted values: the smallest value with at least p of all values at or below it.
    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
