using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EdgeSentiment.Testing;

/// <summary>
/// A real mosquitto on a free loopback port, with TLS from <see cref="TestCertificates"/> or plain
/// TCP. It can be stopped and started again on the same port; it is killed on dispose.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly TempFolder _folder = new();
    private readonly string _configFile;
    private Process? _process;

    /// <summary>
    /// Starts a broker serving <paramref name="serverCertificate"/> (null for plain TCP); <paramref name="persistent"/> keeps
    /// sessions across a stop and start; <paramref name="port"/> reuses a port (e.g. from <see cref="FreePort"/>), by default a free one;
    /// <paramref name="account"/> makes it accept only that user name and password; <paramref name="acl"/> is the text of
    /// an ACL file (e.g. <c>topic deny a/+/b</c> then <c>topic readwrite #</c>) for it to refuse some topics.
    /// </summary>
    public MosquittoBroker(
        string? caFile,
        (string CertFile, string KeyFile)? serverCertificate,
        bool requireCertificate = false,
        bool persistent = false,
        int? port = null,
        (string User, string Password)? account = null,
        string? acl = null)
    {
        Port = port ?? FreePort();
        var config = new StringBuilder()
            .AppendLine("per_listener_settings false")
            .AppendLine(account is null ? "allow_anonymous true" : "allow_anonymous false")
            .AppendLine(persistent ? "persistence true" : "persistence false")
            .AppendLine($"persistence_location {_folder.Path}/")
            .AppendLine($"log_dest file {_folder.PathOf("mosquitto.log")}")
            .AppendLine("log_type all");
        if (Environment.UserName == "root")
        {
            // Run as root, mosquitto would switch to its own user, which cannot read the test's files.
            config.AppendLine("user root");
        }

        if (account is { } login)
        {
            config.AppendLine($"password_file {WritePasswordFile(login.User, login.Password)}");
        }

        if (acl is not null)
        {
            config.AppendLine($"acl_file {_folder.Write("acl", acl)}");
        }

        config.AppendLine($"listener {Port} 127.0.0.1");
        if (serverCertificate is { } server)
        {
            config.AppendLine($"cafile {caFile}")
                .AppendLine($"certfile {server.CertFile}")
                .AppendLine($"keyfile {server.KeyFile}")
                .AppendLine($"require_certificate {(requireCertificate ? "true" : "false")}");
        }

        _configFile = _folder.Write("mosquitto.conf", config.ToString());
        Start();
    }

    public int Port { get; }

    public string Log => File.Exists(_folder.PathOf("mosquitto.log")) ? File.ReadAllText(_folder.PathOf("mosquitto.log")) : "";

    public void Start()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing; install it with 'apt-get install mosquitto' (scripts/test does)");
        }

        _process = Process.Start(new ProcessStartInfo(Executable, ["-c", _configFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()} {Log}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"mosquitto did not accept connections on port {Port} within 10 s: {Log}");
    }

    /// <summary>Stops the broker the way systemd would (SIGTERM), so a persistent broker saves its state.</summary>
    public void Stop()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _folder.Dispose();
    }

    private string WritePasswordFile(string user, string password)
    {
        var path = _folder.PathOf("passwords");
        using var tool = Process.Start(new ProcessStartInfo("mosquitto_passwd", ["-c", "-b", path, user, password])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("mosquitto_passwd did not start");
        var error = tool.StandardError.ReadToEnd();
        tool.WaitForExit();
        return tool.ExitCode == 0 ? path : throw new InvalidOperationException($"mosquitto_passwd failed ({tool.ExitCode}): {error}");
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
