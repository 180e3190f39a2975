using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Device.Booth;

/// <summary>
/// The folder where sealed reviews wait for delivery. A review is two files, its sealed audio
/// (<c>ID.opus.age</c>) and its sealed document (<c>ID.json.age</c>); both are written to temporary
/// names, synced, and renamed audio first, document last: the document's rename is the moment the
/// review exists. While a review's document waits for its words, the document as it stands (words
/// incomplete) waits beside the audio as <c>ID.pending.age</c>: found at start, it becomes the
/// document, so a power cut during the wait costs the words still out, not the review. Anything
/// else found at start (temporary files, audio without any document) is what a power cut left of a
/// review still being recorded, and is removed whole.
/// </summary>
public sealed class ReviewSpool
{
    public const string AudioSuffix = ".opus.age";
    public const string DocumentSuffix = ".json.age";
    public const string PartialSuffix = ".part";
    public const string PendingSuffix = ".pending.age";

    private readonly IReadOnlyList<AgeRecipient> _recipients;

    public ReviewSpool(string folder, long limitBytes, IReadOnlyList<AgeRecipient> recipients)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(recipients);
        Folder = folder;
        LimitBytes = limitBytes;
        _recipients = recipients;
    }

    public string Folder { get; }

    /// <summary>Raised with a review's id once it is whole in the spool: the publisher wakes to deliver it.</summary>
    public event Action<string>? ReviewWaiting;

    public long LimitBytes { get; }

    /// <summary>
    /// Creates the folder; seals the reviews whose document waited for their words when the agent
    /// stopped (their pending document becomes the document) and removes what an interrupted
    /// review left.
    /// </summary>
    public SpoolRecovery Prepare()
    {
        Directory.CreateDirectory(Folder);
        var sealedNow = new List<string>();
        var removed = 0;
        foreach (var pending in Directory.EnumerateFiles(Folder, "*" + PendingSuffix).ToList())
        {
            var id = Path.GetFileName(pending)[..^PendingSuffix.Length];
            if (File.Exists(AudioPath(id)) && !File.Exists(DocumentPath(id)))
            {
                DurableFile.Move(pending, DocumentPath(id));
                sealedNow.Add(id);
            }
            else
            {
                // Its review was sealed before the stop (or its audio is gone): the pending document is spent.
                File.Delete(pending);
            }
        }

        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            var name = Path.GetFileName(file);
            var orphanAudio = name.EndsWith(AudioSuffix, StringComparison.Ordinal)
                && !File.Exists(Path.Combine(Folder, name[..^AudioSuffix.Length] + DocumentSuffix));
            if (name.EndsWith(PartialSuffix, StringComparison.Ordinal) || orphanAudio)
            {
                File.Delete(file);
                removed++;
            }
        }

        sealedNow.Sort(StringComparer.Ordinal);
        return new SpoolRecovery(sealedNow, removed);
    }

    /// <summary>Bytes the spool holds now, whole reviews and the one being recorded.</summary>
    public long UsedBytes()
    {
        long used = 0;
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            used += file.Length;
        }

        return used;
    }

    /// <summary>True when the spool is below its limit, so a new review may start.</summary>
    public bool HasRoom() => UsedBytes() < LimitBytes;

    /// <summary>The ids of the whole reviews waiting, oldest first (ids start with their UTC time).</summary>
    public IReadOnlyList<string> Waiting()
    {
        var ids = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + DocumentSuffix))
        {
            ids.Add(Path.GetFileName(file)[..^DocumentSuffix.Length]);
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    public string AudioPath(string id) => Path.Combine(Folder, id + AudioSuffix);

    public string DocumentPath(string id) => Path.Combine(Folder, id + DocumentSuffix);

    public string PendingPath(string id) => Path.Combine(Folder, id + PendingSuffix);

    /// <summary>Starts a review: its audio is sealed to the recipients as it is recorded.</summary>
    public ReviewRecording Begin(DateTimeOffset started, string device, int sampleRate)
    {
        var id = $"{started.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{SafeName(device)}-{Guid.NewGuid().ToString("N")[..6]}";
        return new ReviewRecording(this, id, started, device, sampleRate, _recipients);
    }

    /// <summary>Raised with a review's id once it was delivered and removed.</summary>
    public event Action<string>? ReviewDelivered;

    /// <summary>Tells whoever delivers reviews that <paramref name="id"/> is waiting.</summary>
    public void Announce(string id) => ReviewWaiting?.Invoke(id);

    /// <summary>Removes a delivered review: the document first, so a crash in between leaves an orphan that start-up removes.</summary>
    public void Remove(string id)
    {
        File.Delete(DocumentPath(id));
        File.Delete(AudioPath(id));
        ReviewDelivered?.Invoke(id);
    }

    private static string SafeName(string device)
    {
        Span<char> safe = stackalloc char[Math.Min(device.Length, 40)];
        for (var i = 0; i < safe.Length; i++)
        {
            var c = device[i];
            safe[i] = char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_';
        }

        return safe.Length == 0 ? "device" : new string(safe);
    }
}
