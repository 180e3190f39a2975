using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Control;

/// <summary>
/// The control API: Kestrel on a Unix domain socket only (no TCP port), mode 0660, every connection
/// checked against <see cref="PeerPolicy"/> by the kernel's SO_PEERCRED. It runs in its own small
/// web host beside the pipeline: a request that fails is answered with 500 and logged, and a socket
/// that cannot be opened is logged; neither stops the agent or its LEDs.
/// </summary>
public sealed class ControlServer : IHostedService, IAsyncDisposable
{
    private const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    private readonly ControlOptions _options;
    private readonly ControlEndpoints _endpoints;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<ControlServer> _logger;
    private readonly PeerPolicy _policy;
    private readonly ConcurrentDictionary<uint, bool> _refusedLogged = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    public ControlServer(IOptions<ControlOptions> options, ControlEndpoints endpoints, ILoggerFactory loggerFactory, ILogger<ControlServer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _endpoints = endpoints;
        _loggerFactory = loggerFactory;
        _logger = logger;
        _policy = PeerPolicy.ForSystem(_options.AllowedGroup, OperatingSystem.IsLinux() ? Libc.GetEffectiveUserId() : uint.MaxValue);
    }

    /// <summary>The socket the server listens on, or null when it does not listen.</summary>
    public string? SocketPath { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var path = ControlSocketPath.Resolve(_options.SocketPath, Environment.GetEnvironmentVariable("RUNTIME_DIRECTORY"));
        if (!await PrepareAsync(path, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var app = Build(path);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, SocketMode);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Kestrel reports an address in use as InvalidOperationException; whatever the reason,
            // the pipeline and the LEDs run on without the socket.
            ControlLog.Unavailable(_logger, $"cannot listen on {path}: {e.Message}");
            await app.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _app = app;
        SocketPath = path;
        ControlLog.Listening(_logger, path, _options.AllowedGroup);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not { } app)
        {
            return;
        }

        // Ends the live mood streams, which would otherwise hold the server's shutdown.
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            _app = null;
            TryDelete(SocketPath!);
            SocketPath = null;
            ControlLog.Closed(_logger);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        _stopping.Dispose();
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<bool> IsAliveAsync(string path, CancellationToken cancellationToken)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await probe.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Makes sure the socket can be created: the folder exists (made only for a configured path;
    // /run/edgesentiment is systemd's to make), and a socket file left by a crash is removed, but
    // never one that another running agent still listens on.
    private async Task<bool> PrepareAsync(string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!string.IsNullOrWhiteSpace(_options.SocketPath))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ControlLog.Unavailable(_logger, $"cannot create {folder}: {e.Message}");
                return false;
            }
        }

        if (!Directory.Exists(folder))
        {
            ControlLog.Unavailable(_logger, $"{folder} does not exist (systemd's RuntimeDirectory makes it; elsewhere set Control:SocketPath)");
            return false;
        }

        if (!File.Exists(path))
        {
            return true;
        }

        if (await IsAliveAsync(path, cancellationToken).ConfigureAwait(false))
        {
            ControlLog.SocketInUse(_logger, path);
            return false;
        }

        if (!TryDelete(path))
        {
            ControlLog.Unavailable(_logger, $"cannot remove the stale socket {path}");
            return false;
        }

        ControlLog.StaleSocketRemoved(_logger, path);
        return true;
    }

    private WebApplication Build(string path)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = "edgesentiment-control",
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The agent's own logging, so Kestrel's lines land in the same journal.
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<IHostLifetime, ControlHostLifetime>();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 16 * 1024;
            kestrel.Limits.MaxConcurrentConnections = 32;
            kestrel.ListenUnixSocket(path, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.Use(next => connection =>
                {
                    connection.Features.Set(Admit(connection.Features.Get<IConnectionSocketFeature>()?.Socket));
                    return next(connection);
                });
            });
        });

        var app = builder.Build();
        app.Use(RefuseStrangersAsync);
        app.Use(AnswerFailuresAsync);
        _endpoints.Map(app, _stopping.Token);
        return app;
    }

    private PeerAccess Admit(Socket? socket)
    {
        var peer = socket is null ? null : PeerCredentials.Read(socket);
        var decision = peer is { } credentials
            ? _policy.Decide(credentials)
            : new PeerDecision(false, "the kernel did not say who is connecting");
        return new PeerAccess(peer, decision);
    }

    private async Task RefuseStrangersAsync(HttpContext context, RequestDelegate next)
    {
        var access = context.Features.Get<PeerAccess>();
        if (access is { Decision.Allowed: true })
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var reason = access?.Decision.Reason ?? "the connection was not checked";
        var uid = access?.Peer?.UserId ?? uint.MaxValue;
        if (_refusedLogged.TryAdd(uid, true))
        {
            ControlLog.PeerRefused(_logger, uid, access?.Peer?.ProcessId ?? 0, reason);
        }

        await ControlEndpoints.WriteErrorAsync(
            context,
            StatusCodes.Status403Forbidden,
            $"access to the agent refused: {reason}",
            $"add your user to the {_policy.Group} group (sudo usermod -aG {_policy.Group} $USER), log out and in again, and retry; or run the command with sudo").ConfigureAwait(false);
    }

    private async Task AnswerFailuresAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The client went away or the agent is stopping: nothing to answer.
        }
        catch (Exception e)
        {
            ControlLog.RequestFailed(_logger, context.Request.Method, context.Request.Path, e);
            if (!context.Response.HasStarted)
            {
                await ControlEndpoints.WriteErrorAsync(
                    context, StatusCodes.Status500InternalServerError, $"the agent could not answer: {e.Message}", "see the agent's log (journalctl -u edgesentiment)").ConfigureAwait(false);
            }
        }
    }
}
