using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Core.Fusion;

/// <summary>
/// Late fusion of the voice model and the text model per utterance: a weighted mean of their
/// probabilities, behind a gate. Without the gate the words lean negative on neutral content
/// (and RAVDESS's sentences carry no sentiment at all), so they speak only with enough words, a
/// confident text verdict and a transcript the recogniser is reasonably sure of; otherwise the
/// voice decides alone.
/// </summary>
public sealed class LateFusion
{
    private readonly FusionSettings _settings;

    public LateFusion(FusionSettings? settings = null)
    {
        _settings = settings ?? FusionSettings.Default;
        if (_settings.VoiceWeight is < 0f or > 1f)
        {
            throw new ArgumentException($"the voice weight must be in [0, 1], got {_settings.VoiceWeight}.", nameof(settings));
        }
    }

    public FusionSettings Settings => _settings;

    /// <summary>Whether <paramref name="words"/> have something to say.</summary>
    public bool GateOpens(WordsEvidence words)
    {
        var scores = words.Scores;
        var top = scores[scores.Top];
        return words.WordCount >= _settings.MinWords
            && top >= _settings.MinTextConfidence
            && words.TranscriptConfidence >= _settings.MinTranscriptConfidence;
    }

    /// <summary>The fused verdict; the voice alone when there are no words or the gate stays shut.</summary>
    public FusedVerdict Fuse(SentimentScores voice, WordsEvidence? words)
    {
        if (words is not { } heard || !GateOpens(heard))
        {
            return new FusedVerdict(voice.Top, voice, WordsUsed: false);
        }

        var v = _settings.VoiceWeight;
        var t = 1f - v;
        var text = heard.Scores;
        var fused = new SentimentScores(
            (v * voice.Negative) + (t * text.Negative),
            (v * voice.Neutral) + (t * text.Neutral),
            (v * voice.Positive) + (t * text.Positive));
        return new FusedVerdict(fused.Top, fused, WordsUsed: true);
    }
}
