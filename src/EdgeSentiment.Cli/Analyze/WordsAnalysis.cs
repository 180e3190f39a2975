using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Fusion;
using EdgeSentiment.Device.Transcription;

namespace EdgeSentiment.Cli.Analyze;

/// <summary>
/// The words path of <c>analyze --words</c>: the recording's speech windows joined into
/// utterances, each transcribed, its words scored by the text model (when there is one) and
/// fused with the voice model's mean over the utterance's windows.
/// </summary>
public sealed class WordsAnalysis : IDisposable
{
    private readonly ITranscriber _transcriber;
    private readonly ITextSentiment? _text;
    private readonly LateFusion _fusion;
    private readonly UtteranceFinder _finder = new();

    public WordsAnalysis(ITranscriber transcriber, ITextSentiment? text, LateFusion fusion)
    {
        ArgumentNullException.ThrowIfNull(transcriber);
        ArgumentNullException.ThrowIfNull(fusion);
        _transcriber = transcriber;
        _text = text;
        _fusion = fusion;
    }

    /// <summary>The recogniser and text model, for reports.</summary>
    public string Description => $"words: {_transcriber.Description}; text model: {_text?.Description ?? "none"}";

    public bool HasTextModel => _text is not null;

    /// <summary>
    /// Transcribes and fuses the utterances of <paramref name="result"/>, reading their audio from
    /// <paramref name="audio"/> (the same recording, from its start) as it streams past.
    /// </summary>
    /// <exception cref="TranscriptionException">The recogniser failed on an utterance.</exception>
    /// <exception cref="AudioFormatException">The recording turns out truncated or damaged part way through.</exception>
    public IReadOnlyList<UtteranceReport> Analyze(RecordingReader audio, RecordingResult result)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(result);
        if (audio.SampleRate != _transcriber.SampleRate)
        {
            throw new ArgumentException($"audio must be at {_transcriber.SampleRate} Hz, got {audio.SampleRate} Hz", nameof(audio));
        }

        var utterances = _finder.Find(result.Windows);
        var reports = new List<UtteranceReport>(utterances.Count);
        // Utterances come in time order and overlap at most where a long run was cut, so only a
        // couple are ever collected at once; each is transcribed as soon as its last sample is read.
        var collecting = new List<UtteranceSamples>(2);
        var next = 0;
        long position = 0;
        while (next < utterances.Count || collecting.Count > 0)
        {
            var block = audio.ReadBlock();
            if (block.IsEmpty)
            {
                break;
            }

            var end = position + block.Length;
            while (next < utterances.Count && UtteranceSamples.SampleAt(utterances[next].Start, audio.SampleRate) < end)
            {
                collecting.Add(new UtteranceSamples(utterances[next], audio.SampleRate));
                next++;
            }

            foreach (var samples in collecting)
            {
                samples.Take(block, position);
            }

            position = end;
            while (collecting.Count > 0 && collecting[0].IsComplete)
            {
                reports.Add(Report(collecting[0], result));
                collecting.RemoveAt(0);
            }
        }

        // The recording ended before the last windows' ends (the last window is padded): those
        // utterances get the samples there were, none for one that would start past the end.
        foreach (var samples in collecting)
        {
            reports.Add(Report(samples, result));
        }

        for (; next < utterances.Count; next++)
        {
            reports.Add(Report(new UtteranceSamples(utterances[next], audio.SampleRate), result));
        }

        return reports;
    }

    private UtteranceReport Report(UtteranceSamples samples, RecordingResult result)
    {
        var utterance = samples.Utterance;
        var windows = result.Windows.Skip(utterance.FirstWindow).Take(utterance.WindowCount).ToArray();
        var voice = RecordingVerdict.Decide(windows)!.Scores;
        var transcript = _transcriber.Transcribe(samples.Samples);

        WordsEvidence? words = null;
        if (_text is not null && transcript.WordCount > 0)
        {
            words = new WordsEvidence(_text.Classify(transcript.Text), transcript.WordCount, transcript.Confidence);
        }

        return new UtteranceReport(
            utterance, transcript.Text, transcript.Confidence, transcript.WordCount, voice, words?.Scores, _fusion.Fuse(voice, words));
    }

    public void Dispose()
    {
        _transcriber.Dispose();
        _text?.Dispose();
    }
}
