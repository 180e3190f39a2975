using System.Globalization;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;

namespace EdgeSentiment.Cli.Status;

/// <summary>Writes <c>status</c> for people: one labelled line per part of the agent.</summary>
public static class StatusText
{
    private const int LabelWidth = 13;

    public static void Write(TextWriter output, StatusReply status, TerminalColors colors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(colors);
        var c = CultureInfo.InvariantCulture;

        Line(output, "Agent", $"{colors.Green("running")} for {DisplayText.Duration(TimeSpan.FromSeconds(status.UptimeSeconds))} (since {DisplayText.Date(status.StartedUtc)}), version {status.AgentVersion}");
        Line(output, "Model", $"{status.Model.Name} {status.Model.Version} ({status.Model.Precision}), {status.Model.Path}");
        if (status.Mood is { } mood)
        {
            var window = mood.CaptureFault
                ? colors.Red("microphone unavailable, retrying")
                : $"last window {DisplayText.Window(mood)} at {DisplayText.Clock(mood.AtUtc)}";
            Line(output, "Mood", $"{colors.Mood(mood.Mood, DisplayText.Mood(mood.Mood))} ({window})");
        }
        else
        {
            Line(output, "Mood", "none yet (no window analysed)");
        }

        Line(output, "Input level", $"{DisplayText.Level(status.Pipeline.LevelDbfs),-12} [{DisplayText.Meter(status.Pipeline.LevelDbfs, 30)}]");
        var pipeline = status.Pipeline;
        var dropped = pipeline.DroppedChunks + pipeline.DroppedWindows + pipeline.DroppedResults;
        var drops = $"dropped {pipeline.DroppedChunks} audio chunks, {pipeline.DroppedWindows} windows, {pipeline.DroppedResults} results";
        Line(output, "Windows", $"{pipeline.WindowsProcessed.ToString(c)} processed; {(dropped > 0 ? colors.Yellow(drops) : drops)}");
        Line(output, "  film", $"{pipeline.FilmWindows.ToString(c)} the film's, {pipeline.AudienceOverFilmWindows.ToString(c)} with the audience speaking over the film (0 without a soundtrack reference)");

        if (status.Transcription is { } heard)
        {
            var lost = $"{heard.Dropped.ToString(c)} dropped (the recogniser was behind), {heard.Failed.ToString(c)} failed";
            Line(output, "Transcripts", $"{heard.Transcribed.ToString(c)} utterances transcribed, kept sealed; {(heard.Dropped + heard.Failed > 0 ? colors.Yellow(lost) : lost)}; {heard.QueuedSeconds.ToString("0.0", c)} s queued");
        }

        var store = status.Store;
        Line(output, "Store", $"{store.Path}, {DisplayText.Bytes(store.FileBytes)}, key {store.KeyId}");
        Line(output, "  records", string.Join(", ", store.Records.Select(r => $"{r.Key} {r.Value.ToString(c)}")));
        var writes = store.WritesFailing
            ? colors.Red($"FAILING ({store.FailedWrites} failed writes, {store.DroppedWindows} windows dropped)")
            : $"ok ({store.FailedWrites} failed so far)";
        if (store.DroppedSummaries > 0)
        {
            writes += "; " + colors.Red($"{store.DroppedSummaries} minute summaries dropped unwritten (more than the {LiteDbResultStore.PendingMinutesLimit} kept in memory while writes failed)");
        }

        Line(output, "  writes", store.TamperedRecords > 0 ? $"{writes}; {colors.Red($"{store.TamperedRecords} records failed authentication")}" : writes);

        var broker = status.Broker;
        Line(output, "Broker", broker.State == MqttConnectionState.Disabled
            ? $"disabled (Mqtt:Enabled is false); outbox {broker.OutboxDepth}"
            : $"{BrokerState(broker.State, colors)} {broker.Broker}; outbox {broker.OutboxDepth}, published {broker.Published}"
              + (broker.LastSuccessUtc is { } ok ? $", last at {DisplayText.Date(ok)}" : string.Empty));
        if (broker.LastError is { } error)
        {
            Line(output, "  last error", colors.Red(error) + (broker.LastErrorUtc is { } at ? $" at {DisplayText.Date(at)}" : string.Empty));
        }

        Line(output, "Session", status.Session is { } session
            ? $"\"{session.Title}\" since {DisplayText.Date(session.StartUtc)}; {DisplayText.FilmShares(session.Tally)}"
            : "none running");

        if (status.RecentFaults.Count == 0)
        {
            Line(output, "Faults", "none in the last 7 days");
            return;
        }

        Line(output, "Faults", $"{status.RecentFaults.Count} recent:");
        foreach (var fault in status.RecentFaults)
        {
            Line(output, string.Empty, colors.Red($"{DisplayText.Date(fault.TimeUtc)}  {fault.Detail}"));
        }
    }

    private static string BrokerState(MqttConnectionState state, TerminalColors colors) => state switch
    {
        MqttConnectionState.Connected => colors.Green("connected to"),
        MqttConnectionState.Connecting => colors.Yellow("connecting to"),
        MqttConnectionState.WaitingToReconnect => colors.Red("disconnected, retrying"),
        _ => colors.Dim("stopped"),
    };

    private static void Line(TextWriter output, string label, string value) =>
        output.WriteLine($"{label.PadRight(LabelWidth)}{value}");
}
