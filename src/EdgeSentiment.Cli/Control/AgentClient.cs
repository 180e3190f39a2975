using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Control;

/// <summary>
/// Talks to the agent's control API over its Unix domain socket: HTTP/1.1 on a socket connection
/// instead of TCP. Turns "nobody listens" and "not allowed" into their own exceptions.
/// </summary>
public sealed class AgentClient : IDisposable
{
    /// <summary>What a user the control socket refuses can do about it.</summary>
    public const string GroupFix =
        "add your user to the edgesentiment group (sudo usermod -aG edgesentiment $USER), log out and in again, and retry; or run the command with sudo";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;

    public AgentClient(string socketPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            UseProxy = false,
        };

        // The host name is only what the Host header says; the connection goes to the socket.
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://edgesentiment-agent"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public string SocketPath { get; }

    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        GetAsync<T>(path, DefaultTimeout, cancellationToken);

    public Task<T> GetAsync<T>(string path, TimeSpan timeout, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), timeout, cancellationToken);

    public Task<T> PostAsync<T>(string path, object? body, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body, options: ControlJson.Options),
        };
        return SendAsync<T>(request, timeout ?? DefaultTimeout, cancellationToken);
    }

    /// <summary>Reads a stream of JSON lines until it ends or <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize<T>(line, ControlJson.Options)
                    ?? throw new JsonException("the agent sent an empty line");
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<ErrorReply?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ErrorReply>(ControlJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await SendCoreAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            return await response.Content.ReadFromJsonAsync<T>(ControlJson.Options, deadline.Token).ConfigureAwait(false)
                ?? throw new JsonException("the agent sent an empty reply");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AgentRequestException(0, $"the agent did not answer within {timeout.TotalSeconds:0} s", "check its log: journalctl -u edgesentiment");
        }
        finally
        {
            request.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.InnerException is AgentNotRunningException or AgentRefusedException)
        {
            throw e.InnerException;
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            var message = error?.Error ?? $"the agent answered {(int)response.StatusCode} {response.ReasonPhrase}";
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                throw new AgentRefusedException(message, error?.Hint);
            }

            throw new AgentRequestException((int)response.StatusCode, message, error?.Hint);
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw e.SocketErrorCode switch
            {
                SocketError.AccessDenied => new AgentRefusedException(
                    $"permission denied on the control socket {SocketPath}",
                    GroupFix),
                _ => new AgentNotRunningException(
                    File.Exists(SocketPath)
                        ? $"nothing listens on the control socket {SocketPath} (a socket left by an agent that stopped)"
                        : $"no control socket at {SocketPath}",
                    e),
            };
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
