using System.Diagnostics.Metrics;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Transcription;

/// <summary>
/// What the live transcription did with the utterances it was given, on the agent's meter
/// (<see cref="PipelineMetrics.MeterName"/>) and as plain counts for the log and tests. Counts only:
/// nothing of what was said.
/// </summary>
public sealed class TranscriptionMetrics : IDisposable
{
    public const string UtterancesName = "edgesentiment.transcription.utterances";

    private readonly Meter? _ownMeter;
    private readonly Counter<long> _utterances;
    private long _transcribed;
    private long _dropped;
    private long _failed;

    public TranscriptionMetrics(IMeterFactory? meterFactory = null)
    {
        // A factory's meter is shared with the other instruments and disposed by the factory.
        Meter meter;
        if (meterFactory is null)
        {
            meter = _ownMeter = new Meter(PipelineMetrics.MeterName);
        }
        else
        {
            meter = meterFactory.Create(PipelineMetrics.MeterName);
        }

        _utterances = meter.CreateCounter<long>(
            UtterancesName, "{utterance}", "Utterances of the live transcription, by outcome: transcribed, dropped (the recogniser was behind) or failed");
    }

    /// <summary>Utterances transcribed and stored.</summary>
    public long Transcribed => Interlocked.Read(ref _transcribed);

    /// <summary>Utterances never transcribed because the recogniser was behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Utterances the recogniser, the text model or the store failed on.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public void UtteranceTranscribed()
    {
        Interlocked.Increment(ref _transcribed);
        _utterances.Add(1, new KeyValuePair<string, object?>("outcome", "transcribed"));
    }

    /// <returns>The number dropped so far.</returns>
    public long UtteranceDropped()
    {
        _utterances.Add(1, new KeyValuePair<string, object?>("outcome", "dropped"));
        return Interlocked.Increment(ref _dropped);
    }

    public void UtteranceFailed()
    {
        Interlocked.Increment(ref _failed);
        _utterances.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
    }

    public void Dispose() => _ownMeter?.Dispose();
}
