using System.Globalization;
using System.Text.Json;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Control;

/// <summary>
/// The control API's handlers. They stay thin: each asks a service the agent already runs (status
/// report, store, store sink, mood feed, indicator sink) and writes its answer as versioned JSON.
/// </summary>
public sealed class ControlEndpoints
{
    private const int MaxTitleLength = 200;
    private static readonly TimeSpan DefaultHistory = TimeSpan.FromHours(2);

    private readonly StatusReport _status;
    private readonly SettingsReport _settings;
    private readonly IResultReader _store;
    private readonly ResultStoreSink _sessions;
    private readonly MoodFeed _feed;
    private readonly IndicatorSink _indicator;
    private readonly TimeProvider _time;
    private readonly ControlOptions _options;
    private readonly ILogger<ControlEndpoints> _logger;
    private readonly ReviewBooth? _booth;

    public ControlEndpoints(
        StatusReport status,
        SettingsReport settings,
        IResultReader store,
        ResultStoreSink sessions,
        MoodFeed feed,
        IndicatorSink indicator,
        TimeProvider time,
        IOptions<ControlOptions> options,
        ILogger<ControlEndpoints> logger,
        ReviewBooth? booth = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _status = status;
        _settings = settings;
        _store = store;
        _sessions = sessions;
        _feed = feed;
        _indicator = indicator;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _booth = booth;
    }

    /// <summary>Maps every route; <paramref name="stopping"/> ends the live streams when the agent stops.</summary>
    public void Map(IEndpointRouteBuilder routes, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet(ControlApi.Status, context => WriteAsync(context, _status.Build()));
        routes.MapGet(ControlApi.Configuration, context => WriteAsync(context, _settings.Build()));
        routes.MapGet(ControlApi.Moods, context => StreamMoodsAsync(context, stopping));
        routes.MapGet(ControlApi.History, HistoryAsync);
        routes.MapGet(ControlApi.Export, ExportAsync);
        routes.MapPost(ControlApi.SessionsStart, StartSessionAsync);
        routes.MapPost(ControlApi.SessionsStop, StopSessionAsync);
        routes.MapPost(ControlApi.LedsTest, TestLedsAsync);
        routes.MapGet(ControlApi.Booth, context => BoothAsync(context, booth => booth.State));
        routes.MapPost(ControlApi.BoothStart, context => BoothAsync(context, booth => booth.Start("booth start")));
        routes.MapPost(ControlApi.BoothStop, context => BoothAsync(context, booth =>
        {
            booth.Stop(BoothStopReason.Stopped);
            return booth.State;
        }));
        routes.MapFallback(context => WriteErrorAsync(
            context, StatusCodes.Status404NotFound, $"no such request: {context.Request.Method} {context.Request.Path}", "update the edgesentiment command to the agent's version"));
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string error, string? hint)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return WriteAsync(context, new ErrorReply(ControlApi.Version, error, hint));
    }

    private static Task WriteAsync<T>(HttpContext context, T reply) =>
        context.Response.WriteAsJsonAsync(reply, ControlJson.Options, context.RequestAborted);

    private static bool TryTime(HttpContext context, string name, DateTime fallback, out DateTime utc)
    {
        utc = fallback;
        var text = context.Request.Query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }

        return false;
    }

    private async Task StreamMoodsAsync(HttpContext context, CancellationToken stopping)
    {
        var count = int.TryParse(context.Request.Query["count"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : int.MaxValue;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        using var follower = _feed.Follow();
        context.Response.ContentType = ControlApi.JsonLines;
        await context.Response.StartAsync(done.Token).ConfigureAwait(false);
        var sent = 0;
        try
        {
            await foreach (var update in follower.Updates.ReadAllAsync(done.Token).ConfigureAwait(false))
            {
                await WriteLineAsync(context, MoodReply.From(update), done.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(done.Token).ConfigureAwait(false);
                if (++sent >= count)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // The follower left, or the agent is stopping: the stream simply ends.
        }
    }

    private Task HistoryAsync(HttpContext context)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (!TryTime(context, "since", now - DefaultHistory, out var from) || !TryTime(context, "until", now, out var to))
        {
            return WriteErrorAsync(context, StatusCodes.Status400BadRequest, "since/until is not a time", "use ISO 8601, e.g. 2026-11-25T18:00Z");
        }

        var minutes = _store.ReadMinutes(from, to).Select(m => MinuteRow.From(m.Value)).ToList();
        return WriteAsync(context, new HistoryReply(ControlApi.Version, from, to, minutes));
    }

    private async Task ExportAsync(HttpContext context)
    {
        if (!TryTime(context, "from", DateTime.MinValue, out var from) || !TryTime(context, "to", _time.GetUtcNow().UtcDateTime, out var to))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "from/to is not a time", "use ISO 8601, e.g. 2026-11-25T18:00Z").ConfigureAwait(false);
            return;
        }

        // A day of minutes at a time, each written before the next is read: months of summaries
        // never sit in the agent's memory, and the store's lock is never held while the socket writes.
        var aborted = context.RequestAborted;
        context.Response.ContentType = ControlApi.JsonLines;
        foreach (var slice in _store.ReadMinutesInSlices(from, to, ResultStoreSlices.Day))
        {
            foreach (var minute in slice)
            {
                await WriteLineAsync(context, new ExportLine(ControlApi.Version, Minute: MinuteRow.From(minute.Value)), aborted).ConfigureAwait(false);
            }

            await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }

        foreach (var session in _store.ReadSessions(from, to))
        {
            await WriteLineAsync(context, new ExportLine(ControlApi.Version, Session: SessionRow.From(session)), aborted).ConfigureAwait(false);
        }

        await WriteLineAsync(context, new ExportLine(ControlApi.Version, TamperedRecords: _store.GetStatus().TamperedRecords), aborted).ConfigureAwait(false);
    }

    private static async Task WriteLineAsync<T>(HttpContext context, T line, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(context.Response.Body, line, ControlJson.Options, cancellationToken).ConfigureAwait(false);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private async Task StartSessionAsync(HttpContext context)
    {
        SessionStartRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<SessionStartRequest>(ControlJson.Options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "the request is not a session start", "send {\"title\":\"...\"}").ConfigureAwait(false);
            return;
        }

        var title = request?.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > MaxTitleLength || title.Any(char.IsControl))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"a session needs a title of 1 to {MaxTitleLength} printable characters", "e.g. edgesentiment sessions start \"Evening screening\"").ConfigureAwait(false);
            return;
        }

        // Starting a session ends the one running, as the store sink does.
        if (_sessions.StartSession(title) is not { } id || _status.FindSession(id) is not { } session)
        {
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "the store could not record the session", "check the store's status (edgesentiment status) and the disk").ConfigureAwait(false);
            return;
        }

        ControlLog.SessionStarted(_logger, id, title);
        await WriteAsync(context, new SessionReply(ControlApi.Version, session)).ConfigureAwait(false);
    }

    private Task StopSessionAsync(HttpContext context)
    {
        if (_sessions.SessionId is not { } id)
        {
            return WriteErrorAsync(context, StatusCodes.Status409Conflict, "no session is running", "start one with: edgesentiment sessions start \"TITLE\"");
        }

        _sessions.EndSession();
        ControlLog.SessionStopped(_logger, id);
        return _status.FindSession(id) is { } session
            ? WriteAsync(context, new SessionReply(ControlApi.Version, session))
            : WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "the session ended but could not be read back", "check the store's status (edgesentiment status)");
    }

    private Task BoothAsync(HttpContext context, Func<ReviewBooth, BoothState> act)
    {
        if (_booth is not { } booth)
        {
            return WriteErrorAsync(context, StatusCodes.Status409Conflict, "the review booth is off", "set Booth:Enabled to true and Booth:Recipients to the studio's age public key, then restart the agent (docs/booth.md)");
        }

        act(booth);
        var last = booth.Last;
        var spool = booth.Spool;
        var now = _time.GetUtcNow().UtcDateTime;
        var history = _store.ReadEvents(now - TimeSpan.FromDays(7), now)
            .Where(e => e.Value.Kind >= DeviceEventKind.ReviewSealed)
            .TakeLast(20)
            .Select(e => new FaultRow(e.Value.TimeUtc, e.Value.Kind, e.Value.Detail))
            .ToList();
        return WriteAsync(context, new BoothReply(
            ControlApi.Version,
            booth.State,
            booth.CurrentId,
            Math.Round(booth.Recorded.TotalSeconds, 1),
            last?.Id,
            last?.DurationSeconds,
            spool.Waiting().Count,
            spool.UsedBytes(),
            spool.LimitBytes,
            spool.Folder,
            history,
            booth.Closing,
            booth.ClosingIds));
    }

    private async Task TestLedsAsync(HttpContext context)
    {
        ControlLog.LedTest(_logger, _indicator.Name);
        var step = TimeSpan.FromMilliseconds(_options.LedTestStepMilliseconds);
        if (await _indicator.TestAsync(step, context.RequestAborted).ConfigureAwait(false) is not { } after)
        {
            await WriteErrorAsync(context, StatusCodes.Status409Conflict, "a LED test is already running", "wait for it to finish").ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, new LedTestReply(ControlApi.Version, _indicator.Name, IndicatorSink.TestPatterns, _options.LedTestStepMilliseconds, after)).ConfigureAwait(false);
    }
}
