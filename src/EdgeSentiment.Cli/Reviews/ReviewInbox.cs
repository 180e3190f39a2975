using System.Buffers;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Cli.Reviews;

/// <summary>
/// The output folder of <c>reviews receive</c>. Each part is first kept sealed in <c>.incoming/ID.part.age</c>
/// (temporary file, fsync, rename, fsync of the folder), so it is on disk before the broker hears it arrived. When both parts are
/// there they are opened to temporary files and renamed to <c>ID.opus</c>, then <c>ID.json</c>: the document's
/// rename is the review's arrival, and a review whose document is there is never written again.
/// </summary>
public sealed class ReviewInbox
{
    private const string TemporarySuffix = ".tmp";
    private readonly IReadOnlyList<AgeIdentity> _identities;

    public ReviewInbox(string folder, IReadOnlyList<AgeIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Folder = Path.GetFullPath(folder);
        Incoming = Path.Combine(Folder, ".incoming");
        Rejected = Path.Combine(Folder, "rejected");
        _identities = identities;
    }

    public string Folder { get; }

    public string Incoming { get; }

    public string Rejected { get; }

    /// <summary>Creates the folders, removes temporary files a stop left behind, and writes the reviews whose
    /// parts both arrived before it (a stop between the second part and its review).</summary>
    public IReadOnlyList<ReviewArrival> Recover()
    {
        CreateOwnerOnly(Folder);
        CreateOwnerOnly(Incoming);
        foreach (var file in Directory.EnumerateFiles(Incoming, "*" + TemporarySuffix))
        {
            File.Delete(file);
        }

        var arrivals = new List<ReviewArrival>();
        var suffix = SealedName("", ReviewPart.Document);
        foreach (var document in Directory.EnumerateFiles(Incoming, "*" + suffix))
        {
            var id = Path.GetFileName(document)[..^suffix.Length];
            if (ReviewMessage.IsSafeId(id))
            {
                arrivals.Add(File.Exists(FinalPath(id, ReviewPart.Document)) ? Drop(id) : TryAssemble(id));
            }
        }

        return [.. arrivals.Where(a => a.Kind != ReviewArrivalKind.Waiting)];
    }

    /// <summary>Keeps <paramref name="payload"/> as the part <paramref name="message"/> names and writes the review
    /// when its other part is there. Throws <see cref="IOException"/> when the disk refuses.</summary>
    public ReviewArrival Accept(ReviewMessage message, ReadOnlySequence<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (File.Exists(FinalPath(message.Id, ReviewPart.Document)))
        {
            return Drop(message.Id);
        }

        var target = IncomingPath(message.Id, message.Part);
        var temporary = target + TemporarySuffix;
        using (var file = SealedFiles.CreateOwnerOnly(temporary))
        {
            foreach (var segment in payload)
            {
                file.Write(segment.Span);
            }

            file.Flush(flushToDisk: true);
        }

        DurableFile.Move(temporary, target, overwrite: true);
        return TryAssemble(message.Id);
    }

    /// <summary>Where the opened part of review <paramref name="id"/> is written: <c>ID.opus</c> or <c>ID.json</c>.</summary>
    public string FinalPath(string id, ReviewPart part) => Path.Combine(Folder, id + Extension(part));

    private ReviewArrival TryAssemble(string id)
    {
        var audio = IncomingPath(id, ReviewPart.Audio);
        var document = IncomingPath(id, ReviewPart.Document);
        if (!File.Exists(audio) || !File.Exists(document))
        {
            return new ReviewArrival(ReviewArrivalKind.Waiting, id);
        }

        var openedAudio = OpenedTemporary(id, ReviewPart.Audio);
        var openedDocument = OpenedTemporary(id, ReviewPart.Document);
        try
        {
            var refused = Open(audio, openedAudio, ReviewPart.Audio) ?? Open(document, openedDocument, ReviewPart.Document);
            if (refused is not null)
            {
                return Reject(id, refused);
            }

            var audioBytes = new FileInfo(openedAudio).Length;
            var documentBytes = new FileInfo(openedDocument).Length;
            DurableFile.Move(openedAudio, FinalPath(id, ReviewPart.Audio), overwrite: true);
            DurableFile.Move(openedDocument, FinalPath(id, ReviewPart.Document), overwrite: true);
            File.Delete(audio);
            File.Delete(document);
            return new ReviewArrival(ReviewArrivalKind.Written, id, audioBytes, documentBytes);
        }
        finally
        {
            File.Delete(openedAudio);
            File.Delete(openedDocument);
        }
    }

    /// <summary>Opens one sealed part; the reason it was refused, or null.</summary>
    private string? Open(string sealedPath, string openedPath, ReviewPart part)
    {
        try
        {
            using var input = File.OpenRead(sealedPath);
            SealedFiles.OpenToTemporary(input, _identities, openedPath);
            return null;
        }
        catch (AgeException e)
        {
            return $"the {Name(part)} part does not open with the studio's identity ({e.Message})";
        }
    }

    private ReviewArrival Reject(string id, string reason)
    {
        CreateOwnerOnly(Rejected);
        foreach (var part in Enum.GetValues<ReviewPart>())
        {
            DurableFile.Move(IncomingPath(id, part), Path.Combine(Rejected, SealedName(id, part)), overwrite: true);
        }

        return new ReviewArrival(ReviewArrivalKind.Rejected, id, Problem: reason);
    }

    private ReviewArrival Drop(string id)
    {
        // A stop after the review was written and before its parts were removed leaves them behind.
        foreach (var part in Enum.GetValues<ReviewPart>())
        {
            File.Delete(IncomingPath(id, part));
        }

        return new ReviewArrival(ReviewArrivalKind.AlreadyHere, id);
    }

    /// <summary>A folder made here is the owner's alone (0700); one the studio made keeps its mode.</summary>
    private static void CreateOwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string IncomingPath(string id, ReviewPart part) => Path.Combine(Incoming, SealedName(id, part));

    private string OpenedTemporary(string id, ReviewPart part) => Path.Combine(Incoming, id + Extension(part) + TemporarySuffix);

    private static string SealedName(string id, ReviewPart part) => $"{id}.{Name(part)}.age";

    private static string Name(ReviewPart part) => part == ReviewPart.Audio ? "audio" : "document";

    private static string Extension(ReviewPart part) => part == ReviewPart.Audio ? ".opus" : ".json";
}
