using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Publishing;

namespace EdgeSentiment.Cli.Reviews;

/// <summary>
/// <c>edgesentiment reviews receive --broker HOST --ca-file CA --identity KEY --out DIR</c>: takes the reviews the
/// booths deliver over MQTT (<c>edgesentiment/DEVICE/review</c>) into DIR as <c>ID.opus</c> and <c>ID.json</c>.
/// </summary>
public static partial class ReviewReceiveCommand
{
    public static Command Create(CliConsole console)
    {
        var broker = new Option<string>("--broker") { Description = "The MQTT broker's host name or IP address (named in its certificate).", Required = true, HelpName = "HOST" };
        var port = new Option<int>("--port") { Description = "The broker's TLS port.", DefaultValueFactory = _ => 8883 }.Between(1, 65_535);
        var caFile = new Option<FileInfo>("--ca-file") { Description = "The PEM file of the CA that issued the broker's certificate; the only root trusted.", Required = true, HelpName = "CA.pem" };
        var certFile = new Option<FileInfo?>("--cert-file") { Description = "The studio's PEM client certificate, if the broker asks for one.", HelpName = "CERT.pem" };
        var keyFile = new Option<FileInfo?>("--key-file") { Description = "The PEM private key of --cert-file.", HelpName = "KEY.pem" };
        var credentials = new Option<FileInfo?>("--credentials-file") { Description = "A file with the user name on line 1 and the password on line 2, if the broker asks for a login.", HelpName = "FILE" };
        var clientId = new Option<string>("--client-id") { Description = "The MQTT client id; the broker keeps the reviews for it while the studio is away.", DefaultValueFactory = _ => "studio-reviews", HelpName = "ID" };
        var identity = new Option<FileInfo>("--identity", "-i") { Description = "The studio's age identity file (made by age-keygen).", Required = true };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The folder the reviews are written to.", Required = true, HelpName = "DIR" };
        var count = new Option<int?>("--count") { Description = "Stop after this many new reviews (default: until Ctrl+C).", HelpName = "N" }.Between(1, int.MaxValue);
        var device = new Option<string>("--device") { Description = "Receive only this device's reviews (default: every device).", DefaultValueFactory = _ => "+", HelpName = "ID" };
        var command = new Command(
            "receive",
            "Receive the reviews the booths deliver over MQTT with TLS, open them with the studio's age identity and write "
            + "ID.opus and ID.json into --out. The session is kept at the broker for 7 days: reviews sent while the studio "
            + "is away arrive at the next run. A review that arrives twice is written once.")
        {
            broker,
            port,
            caFile,
            certFile,
            keyFile,
            credentials,
            clientId,
            identity,
            output,
            count,
            device,
        }.WithExamples(
            "edgesentiment reviews receive --broker broker.lan --ca-file mqtt-ca.pem --identity studio-key.txt --out reviews",
            "edgesentiment reviews receive --broker broker.lan --ca-file mqtt-ca.pem -i studio-key.txt -o reviews --device foyer-1 --count 1");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var mqtt = new MqttOptions
            {
                Enabled = true,
                Host = parseResult.GetRequiredValue(broker),
                Port = parseResult.GetValue(port),
                CaFile = parseResult.GetRequiredValue(caFile).FullName,
                ClientCertificateFile = parseResult.GetValue(certFile)?.FullName ?? "",
                ClientKeyFile = parseResult.GetValue(keyFile)?.FullName ?? "",
                CredentialsFile = parseResult.GetValue(credentials)?.FullName ?? "",
            };
            return RunAsync(
                mqtt,
                parseResult.GetRequiredValue(clientId),
                parseResult.GetRequiredValue(device),
                parseResult.GetRequiredValue(identity),
                parseResult.GetRequiredValue(output),
                parseResult.GetValue(count),
                console,
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(MqttOptions mqtt, string clientId, string device, FileInfo identityFile, DirectoryInfo output, int? count, CliConsole console, CancellationToken cancellationToken)
    {
        var usage = CheckUsage(mqtt, clientId, device);
        if (usage is not null)
        {
            console.Fail(usage);
            return ExitCodes.Usage;
        }

        BrokerConnectionOptions connection;
        try
        {
            connection = BrokerConnectionOptions.Load(mqtt, TimeProvider.System);
        }
        catch (InvalidOperationException e)
        {
            console.Fail(OptionNames(e.Message));
            return ExitCodes.Failed;
        }

        if (SealedFiles.ReadIdentities(identityFile, console) is not { } identities)
        {
            return ExitCodes.Failed;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        // Run as a service, it is stopped with SIGTERM: that too ends with a clean DISCONNECT, the session kept.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            using var receiver = new ReviewReceiver(new ReviewInbox(output.FullName, identities), console, count);
            return await receiver.RunAsync(connection, clientId, $"edgesentiment/{device}/review", stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C before the connection was up: nothing was received, nothing is left half done.
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"{output.FullName}: {e.Message}; check that the folder can be written");
            return ExitCodes.Failed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            foreach (var key in identities)
            {
                key.Dispose();
            }
        }
    }

    private static string? CheckUsage(MqttOptions mqtt, string clientId, string device)
    {
        if (Uri.CheckHostName(mqtt.Host.Trim()) == UriHostNameType.Unknown)
        {
            return $"--broker is '{mqtt.Host}'; give the broker's host name or IP address alone, without a scheme, port or path";
        }

        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > 64 || clientId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return $"--client-id is '{clientId}'; give 1 to 64 characters without spaces";
        }

        if (device != "+" && !DevicePattern().IsMatch(device))
        {
            return $"--device is '{device}'; give a device id (1 to 64 letters, digits, '-' or '_') or + for every device";
        }

        if (string.IsNullOrEmpty(mqtt.ClientCertificateFile) != string.IsNullOrEmpty(mqtt.ClientKeyFile))
        {
            return "--cert-file and --key-file go together";
        }

        return null;
    }

    // The connection's messages name the device's settings; here they are command-line options.
    internal static string OptionNames(string message) => message
        .Replace("Mqtt:CaFile", "--ca-file", StringComparison.Ordinal)
        .Replace("Mqtt:Host", "--broker", StringComparison.Ordinal)
        .Replace(", Mqtt:AllowInsecure", "; this command speaks TLS", StringComparison.Ordinal)
        .Replace("Mqtt:ClientCertificateFile/ClientKeyFile", "--cert-file/--key-file", StringComparison.Ordinal)
        .Replace("Mqtt:CredentialsFile", "--credentials-file", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex DevicePattern();
}
