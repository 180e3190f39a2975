using System.Reflection;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Device.Transcription;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Control;

/// <summary>Gathers the status reply from the parts that already keep it: metrics, store, publisher, feed, and the transcription's counts (never its words).</summary>
public sealed class StatusReport
{
    private const int FaultsShown = 5;
    private static readonly TimeSpan FaultWindow = TimeSpan.FromDays(7);

    private readonly PipelineMetrics _metrics;
    private readonly MoodFeed _feed;
    private readonly IResultReader _store;
    private readonly ResultStoreSink _sessions;
    private readonly MqttPublisher _publisher;
    private readonly WindowClassifier _classifier;
    private readonly TimeProvider _time;
    private readonly string _modelPath;
    private readonly string _keyPath;
    private readonly CaptureInfo _capture;
    private readonly DateTimeOffset _started;
    private readonly TranscriptionWorker? _transcription;

    public StatusReport(
        PipelineMetrics metrics,
        MoodFeed feed,
        IResultReader store,
        ResultStoreSink sessions,
        MqttPublisher publisher,
        WindowClassifier classifier,
        IOptions<PipelineOptions> pipelineOptions,
        IOptions<CaptureOptions> captureOptions,
        IOptions<StoreOptions> storeOptions,
        TimeProvider time,
        TranscriptionWorker? transcription = null)
    {
        ArgumentNullException.ThrowIfNull(pipelineOptions);
        ArgumentNullException.ThrowIfNull(captureOptions);
        ArgumentNullException.ThrowIfNull(storeOptions);
        _metrics = metrics;
        _feed = feed;
        _store = store;
        _sessions = sessions;
        _publisher = publisher;
        _classifier = classifier;
        _time = time;
        _transcription = transcription;
        _modelPath = Path.GetFullPath(pipelineOptions.Value.ModelPath());
        _keyPath = StoreKeyFile.ResolveForThisProcess(storeOptions.Value.KeyFile);
        _started = time.GetUtcNow();
        var capture = captureOptions.Value;
        _capture = capture.SourceKind == CaptureSourceKind.Microphone
            ? new CaptureInfo(nameof(CaptureSourceKind.Microphone), capture.Device)
            : new CaptureInfo(nameof(CaptureSourceKind.File), Path.GetFullPath(DeviceConfiguration.ResolveFile(capture.File)));
    }

    public static string AgentVersion { get; } =
        typeof(StatusReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public StatusReply Build()
    {
        var now = _time.GetUtcNow();
        var model = _classifier.Model;
        var store = _store.GetStatus();
        var broker = _publisher.GetStatus();
        return new StatusReply(
            ControlApi.Version,
            AgentVersion,
            _started.UtcDateTime,
            Math.Round((now - _started).TotalSeconds, 1),
            new ModelInfo(_modelPath, model.Name, model.Version, model.Precision),
            _feed.Latest is { } latest ? MoodReply.From(latest) : null,
            new PipelineCounts(
                _metrics.WindowsProcessed,
                _metrics.DroppedChunks,
                _metrics.DroppedWindows,
                _metrics.DroppedResults,
                MoodReply.Level(_metrics.LevelDbfs),
                _metrics.FilmWindows,
                _metrics.AudienceOverFilmWindows),
            new StoreInfo(
                store.DatabasePath,
                store.KeyId,
                store.FileBytes,
                store.RecordCounts,
                store.WritesFailing,
                store.FailedWrites,
                store.DroppedWindows,
                store.TamperedRecords,
                _keyPath)
            {
                DroppedSummaries = store.DroppedSummaries,
            },
            new BrokerInfo(
                broker.State,
                broker.Broker,
                broker.OutboxDepth,
                broker.PublishedSummaries,
                broker.LastSuccessUtc,
                broker.LastError,
                broker.LastErrorUtc),
            RunningSession(),
            RecentFaults(now.UtcDateTime),
            Environment.ProcessId,
            _capture)
        {
            Transcription = _transcription is { } worker
                ? new TranscriptionCounts(worker.Metrics.Transcribed, worker.Metrics.Dropped, worker.Metrics.Failed, Math.Round(worker.QueuedSeconds, 1))
                : null,
        };
    }

    /// <summary>The running session as stored (its aggregate is written when it ends), or null.</summary>
    public SessionRow? RunningSession()
    {
        if (_sessions.SessionId is not { } id)
        {
            return null;
        }

        return FindSession(id);
    }

    public SessionRow? FindSession(Guid id)
    {
        foreach (var session in _store.ReadSessions(DateTime.MinValue, DateTime.MaxValue))
        {
            if (session.Id == id)
            {
                return SessionRow.From(session);
            }
        }

        return null;
    }

    private List<FaultRow> RecentFaults(DateTime nowUtc)
    {
        var faults = new List<FaultRow>();
        foreach (var stored in _store.ReadEvents(nowUtc - FaultWindow, nowUtc.AddMinutes(1)))
        {
            if (stored.Value.Kind is DeviceEventKind.Fault or DeviceEventKind.StorageFault)
            {
                faults.Add(new FaultRow(stored.Value.TimeUtc, stored.Value.Kind, stored.Value.Detail));
            }
        }

        return faults.Count > FaultsShown ? faults[^FaultsShown..] : faults;
    }
}
