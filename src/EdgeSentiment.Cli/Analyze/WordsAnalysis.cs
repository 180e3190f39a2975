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

    public IReadOnlyList<UtteranceReport> Analyze(PcmAudio audio, RecordingResult result)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(result);
        if (audio.SampleRate != _transcriber.SampleRate)
        {
            throw new ArgumentException($"audio must be at {_transcriber.SampleRate} Hz, got {audio.SampleRate} Hz", nameof(audio));
        }

        var reports = new List<UtteranceReport>();
        foreach (var utterance in _finder.Find(result.Windows))
        {
            var windows = result.Windows.Skip(utterance.FirstWindow).Take(utterance.WindowCount).ToArray();
            var voice = RecordingVerdict.Decide(windows)!.Scores;
            var start = (int)Math.Min(audio.Samples.Length, Math.Round(utterance.Start.TotalSeconds * audio.SampleRate));
            var end = (int)Math.Min(audio.Samples.Length, Math.Round(utterance.End.TotalSeconds * audio.SampleRate));
            var transcript = _transcriber.Transcribe(audio.Samples.AsSpan(start, end - start));

            WordsEvidence? words = null;
            if (_text is not null && transcript.WordCount > 0)
            {
                words = new WordsEvidence(_text.Classify(transcript.Text), transcript.WordCount, transcript.Confidence);
            }

            reports.Add(new UtteranceReport(
                utterance, transcript.Text, transcript.Confidence, transcript.WordCount, voice, words?.Scores, _fusion.Fuse(voice, words)));
        }

        return reports;
    }

    public void Dispose()
    {
        _transcriber.Dispose();
        _text?.Dispose();
    }
}
