using System.Runtime.Versioning;
using EdgeSentiment.Cli.Reviews;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Reviews;

/// <summary><c>reviews receive</c> against a real mosquitto with TLS, fed by a stand-in for the booth.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class ReviewReceiveTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempFolder _folder = new();
    private readonly TestCertificates _certificates = new();
    private readonly MosquittoBroker _broker;
    private readonly AgeIdentity _studio = AgeIdentity.Generate();
    private readonly string _keyFile;
    private readonly string _out;

    public ReviewReceiveTests()
    {
        _broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server);
        _keyFile = _folder.Write("studio-key.txt", $"# studio\n{_studio.ToSecretString()}\n");
        _out = _folder.PathOf("reviews");
    }

    public void Dispose()
    {
        _studio.Dispose();
        _broker.Dispose();
        _certificates.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Receive_OneReview_WritesItsAudioAndDocumentAndStops()
    {
        var (audio, document) = Review(1);
        var receiver = await StartReceiverAsync("--count", "1");
        await using var booth = await BoothStandIn.ConnectAsync(_broker.Port);

        await booth.SendAsync("20261204T173000Z-foyer-1-3fa9c2", _studio.Recipient, audio, document);
        var run = await Finished(receiver);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(audio, File.ReadAllBytes(Path.Combine(_out, "20261204T173000Z-foyer-1-3fa9c2.opus")));
        Assert.Equal(document, File.ReadAllBytes(Path.Combine(_out, "20261204T173000Z-foyer-1-3fa9c2.json")));
        Assert.Equal($"20261204T173000Z-foyer-1-3fa9c2  foyer-1  audio {audio.Length} bytes  document {document.Length} bytes", run.Out.TrimEnd());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_out, "20261204T173000Z-foyer-1-3fa9c2.opus")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_out, ".incoming")));
    }

    [Fact]
    public async Task Receive_AReviewSentAgain_WritesItOnce()
    {
        var (audio, document) = Review(2);
        var (nextAudio, nextDocument) = Review(3);
        var receiver = await StartReceiverAsync("--count", "2");
        await using var booth = await BoothStandIn.ConnectAsync(_broker.Port);

        // A device that stopped after the audio sends both parts again; an unacknowledged review comes twice.
        await booth.SendPartAsync("20261204T180000Z-foyer-1-aaaaaa", "audio", BoothStandIn.Seal(audio, _studio.Recipient));
        await booth.SendAsync("20261204T180000Z-foyer-1-aaaaaa", _studio.Recipient, audio, document);
        await booth.SendAsync("20261204T180000Z-foyer-1-aaaaaa", _studio.Recipient, audio, document);
        await booth.SendAsync("20261204T180500Z-foyer-1-bbbbbb", _studio.Recipient, nextAudio, nextDocument);
        var run = await Finished(receiver);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(["20261204T180000Z-foyer-1-aaaaaa", "20261204T180500Z-foyer-1-bbbbbb"], Ids(run.Out));
        Assert.Equal(document, File.ReadAllBytes(Path.Combine(_out, "20261204T180000Z-foyer-1-aaaaaa.json")));
        Assert.Equal(nextAudio, File.ReadAllBytes(Path.Combine(_out, "20261204T180500Z-foyer-1-bbbbbb.opus")));
    }

    [Fact]
    public async Task Receive_AReviewSentWhileAway_ArrivesAtTheNextRun()
    {
        var (firstAudio, firstDocument) = Review(4);
        var (audio, document) = Review(5);
        await using var booth = await BoothStandIn.ConnectAsync(_broker.Port);
        var first = await StartReceiverAsync("--count", "1");
        await booth.SendAsync("20261204T190000Z-foyer-1-cccccc", _studio.Recipient, firstAudio, firstDocument);
        Assert.Equal(ExitCodes.Ok, (await Finished(first)).ExitCode);

        // Nobody is subscribed now but the session the receiver left at the broker.
        await booth.SendAsync("20261204T191500Z-foyer-1-dddddd", _studio.Recipient, audio, document);
        var again = await Finished(StartReceiver("--count", "1"));

        Assert.True(again.ExitCode == ExitCodes.Ok, again.Error);
        Assert.Equal(["20261204T191500Z-foyer-1-dddddd"], Ids(again.Out));
        Assert.Equal(audio, File.ReadAllBytes(Path.Combine(_out, "20261204T191500Z-foyer-1-dddddd.opus")));
        Assert.Equal(document, File.ReadAllBytes(Path.Combine(_out, "20261204T191500Z-foyer-1-dddddd.json")));
    }

    [Fact]
    public async Task Receive_BrokerRestartsMidRun_ConnectsAgainAndTheNextReviewArrives()
    {
        var (firstAudio, firstDocument) = Review(6);
        var (audio, document) = Review(7);
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server, persistent: true);
        var receiver = Task.Run(() => CliRun.Of(
        [
            "reviews", "receive", "--broker", "127.0.0.1", "--port", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ca-file", _certificates.CaFile, "--identity", _keyFile, "--out", _out, "--count", "2",
        ]));
        Assert.True(await Eventually.Within(Patience, () => receiver.IsCompleted || broker.Log.Contains("Received SUBSCRIBE from studio-reviews", StringComparison.Ordinal)), broker.Log);
        await using (var booth = await BoothStandIn.ConnectAsync(broker.Port))
        {
            await booth.SendAsync("20261204T200000Z-foyer-1-eeeeee", _studio.Recipient, firstAudio, firstDocument);
        }

        Assert.True(await Eventually.Within(Patience, () => File.Exists(Path.Combine(_out, "20261204T200000Z-foyer-1-eeeeee.json"))), broker.Log);

        // The broker goes away and comes back on the same port with the receiver's session; a review is sent then.
        broker.Stop();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(receiver.IsCompleted, receiver.IsCompleted ? (await receiver).Error : "");
        broker.Start();
        await using (var booth = await BoothStandIn.ConnectAsync(broker.Port))
        {
            await booth.SendAsync("20261204T201500Z-foyer-1-ffffff", _studio.Recipient, audio, document);
        }

        var run = await Finished(receiver);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(["20261204T200000Z-foyer-1-eeeeee", "20261204T201500Z-foyer-1-ffffff"], Ids(run.Out));
        Assert.Equal(audio, File.ReadAllBytes(Path.Combine(_out, "20261204T201500Z-foyer-1-ffffff.opus")));
        Assert.Contains("was lost", run.Error, StringComparison.Ordinal);
        Assert.Contains("Connected again to 127.0.0.1", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_APartSealedToAnotherKey_IsRejected_AndTheNextReviewArrives()
    {
        using var other = AgeIdentity.Generate();
        var (audio, document) = Review(6);
        var receiver = await StartReceiverAsync("--count", "1");
        await using var booth = await BoothStandIn.ConnectAsync(_broker.Port);

        await booth.SendPartAsync("20261204T200000Z-foyer-1-eeeeee", "audio", BoothStandIn.Seal(audio, other.Recipient));
        await booth.SendPartAsync("20261204T200000Z-foyer-1-eeeeee", "document", BoothStandIn.Seal(document, _studio.Recipient));
        await booth.SendAsync("20261204T200500Z-foyer-1-ffffff", _studio.Recipient, audio, document);
        var run = await Finished(receiver);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(["20261204T200500Z-foyer-1-ffffff"], Ids(run.Out));
        Assert.Contains("error: review 20261204T200000Z-foyer-1-eeeeee: the audio part does not open", run.Error, StringComparison.Ordinal);
        Assert.Contains("Booth:Recipients", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_out, "20261204T200000Z-foyer-1-eeeeee.opus")));
        Assert.Equal(
            ["20261204T200000Z-foyer-1-eeeeee.audio.age", "20261204T200000Z-foyer-1-eeeeee.document.age"],
            Directory.GetFiles(Path.Combine(_out, "rejected")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Receive_AnIdThatLeavesTheFolder_IsDropped()
    {
        var (audio, document) = Review(7);
        var receiver = await StartReceiverAsync("--count", "1");
        await using var booth = await BoothStandIn.ConnectAsync(_broker.Port);

        await booth.SendAsync("../escaped", _studio.Recipient, audio, document);
        await booth.SendAsync("20261204T210000Z-foyer-1-gggggg", _studio.Recipient, audio, document);
        var run = await Finished(receiver);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Contains("'../escaped', which is not a review id", run.Error, StringComparison.Ordinal);
        Assert.Equal(["20261204T210000Z-foyer-1-gggggg.json", "20261204T210000Z-foyer-1-gggggg.opus"], Directory.GetFiles(_out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(_folder.Path, "escaped*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Receive_BothPartsKeptBeforeAStop_WritesTheReviewAtStart()
    {
        var (audio, document) = Review(8);
        var incoming = Path.Combine(_out, ".incoming");
        Directory.CreateDirectory(incoming);
        File.WriteAllBytes(Path.Combine(incoming, "20261204T220000Z-foyer-1-hhhhhh.audio.age"), BoothStandIn.Seal(audio, _studio.Recipient));
        File.WriteAllBytes(Path.Combine(incoming, "20261204T220000Z-foyer-1-hhhhhh.document.age"), BoothStandIn.Seal(document, _studio.Recipient));
        File.WriteAllBytes(Path.Combine(incoming, "20261204T220500Z-foyer-1-iiiiii.audio.age.tmp"), [1, 2, 3]);

        var run = await Finished(StartReceiver("--count", "1"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal(["20261204T220000Z-foyer-1-hhhhhh"], Ids(run.Out));
        Assert.Equal(audio, File.ReadAllBytes(Path.Combine(_out, "20261204T220000Z-foyer-1-hhhhhh.opus")));
        Assert.Equal(document, File.ReadAllBytes(Path.Combine(_out, "20261204T220000Z-foyer-1-hhhhhh.json")));
        Assert.Empty(Directory.GetFiles(incoming));
    }

    [Fact]
    public void Receive_NoBroker_FailsWithWhatToDo()
    {
        var run = CliRun.Of(
            "reviews", "receive", "--broker", "127.0.0.1", "--port", MosquittoBroker.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ca-file", _certificates.CaFile, "--identity", _keyFile, "--out", _out, "--count", "1");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("error: cannot receive reviews: connection refused", run.Error, StringComparison.Ordinal);
        Assert.Contains("start the broker, or correct --broker and --port", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_ABrokerCertificateFromAnotherCa_IsRefusedNamingTheOption()
    {
        using var impostor = new MosquittoBroker(_certificates.CaFile, _certificates.OtherCaServer);

        var run = CliRun.Of(
            "reviews", "receive", "--broker", "127.0.0.1", "--port", impostor.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ca-file", _certificates.CaFile, "--identity", _keyFile, "--out", _out, "--count", "1");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("is not issued by the CA in --ca-file; give --ca-file the CA", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20261204T173000Z-foyer-1-3fa9c2", true)]
    [InlineData("../20261204T173000Z", false)]
    [InlineData("a/b", false)]
    [InlineData("a..b", false)]
    [InlineData(".hidden", false)]
    [InlineData("", false)]
    public void IsSafeId_NamesOnlyFilesInTheFolder(string id, bool safe) =>
        Assert.Equal(safe, ReviewMessage.IsSafeId(id));

    private Task<CliRun> StartReceiver(params string[] extra) => Task.Run(() => CliRun.Of(
        [
            "reviews", "receive", "--broker", "127.0.0.1", "--port", _broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ca-file", _certificates.CaFile, "--identity", _keyFile, "--out", _out, .. extra,
        ]));

    /// <summary>Starts the receiver and waits until its subscription is in place, so nothing sent after is missed.</summary>
    private async Task<Task<CliRun>> StartReceiverAsync(params string[] extra)
    {
        var subscriptions = SubscribeCount();
        var receiver = StartReceiver(extra);
        var subscribed = await Eventually.Within(Patience, () => receiver.IsCompleted || SubscribeCount() > subscriptions);
        Assert.True(subscribed && !receiver.IsCompleted, receiver.IsCompleted ? receiver.Result.Error : _broker.Log);
        return receiver;
    }

    private int SubscribeCount()
    {
        var log = _broker.Log;
        var count = 0;
        for (var at = log.IndexOf("Received SUBSCRIBE from studio-reviews", StringComparison.Ordinal); at >= 0; at = log.IndexOf("Received SUBSCRIBE from studio-reviews", at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task<CliRun> Finished(Task<CliRun> receiver)
    {
        var done = await Task.WhenAny(receiver, Task.Delay(Patience));
        Assert.True(done == receiver, "the receiver did not stop after the reviews it was waiting for");
        return await receiver;
    }

    private static string[] Ids(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split("  ")[0])];

    private static (byte[] Audio, byte[] Document) Review(int seed)
    {
        var audio = new byte[70_000 + seed];
        new Random(seed).NextBytes(audio);
        var document = System.Text.Encoding.UTF8.GetBytes($"{{\"review\":{seed},\"device\":\"foyer-1\"}}");
        return (audio, document);
    }
}
