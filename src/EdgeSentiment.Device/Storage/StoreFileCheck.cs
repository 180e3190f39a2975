using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using LiteDB;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// Reads the result database's header before LiteDB opens it, and names what LiteDB throws when it
/// cannot read a file. LiteDB trusts its header: a damaged one ends in whatever exception the bad
/// field causes (an ArgumentOutOfRangeException for a creation time out of range), and a file cut
/// short opens as if it were whole and reads as empty. A file that cannot be read is a fault to be
/// mended by a person, so it is one line that says so and what to do, and the file is left as it is.
/// </summary>
public static partial class StoreFileCheck
{
    /// <summary>What to do with a result database that cannot be read.</summary>
    public const string Remedy = "restore it from a backup, or move it aside and the agent starts a new, empty one";

    // LiteDB 5's header page (page 0): its page type, then after its text the file format, the first
    // free page, the last page and the creation time.
    private const int PageSize = 8192;
    private const int PageTypeOffset = 4;
    private const byte HeaderPageType = 1;
    private const int FileVersionOffset = 59;
    private const byte FileVersion = 8;
    private const int FreeEmptyPageOffset = 60;
    private const int LastPageOffset = 64;
    private const int CreationTimeOffset = 68;

    // Every LiteDB 5 page starts with its id; a journal page also names its transaction and whether
    // it is the page that confirms (commits) it.
    private const int TransactionIdOffset = 14;
    private const int IsConfirmedOffset = 18;
    private const int JournalPageHeader = LastPageOffset + 4;

    /// <summary>
    /// What is wrong with the file's header or length, or null when nothing is (or there is no file,
    /// or it is not a LiteDB file at all, which <see cref="StoreFile.LooksLikeLiteDb"/> tells).
    /// </summary>
    public static string? Problem(string databasePath)
    {
        var info = new FileInfo(databasePath);
        if (!info.Exists || info.Length == 0 || !StoreFile.LooksLikeLiteDb(databasePath))
        {
            return null;
        }

        if (info.Length < PageSize)
        {
            return Invariant($"it is {info.Length} bytes, less than its first {PageSize}-byte page: it was cut short");
        }

        Span<byte> header = stackalloc byte[PageSize];
        using (var stream = new FileStream(databasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(header);
        }

        if (header[PageTypeOffset] != HeaderPageType || header[FileVersionOffset] != FileVersion)
        {
            return "its header page is damaged (page type or file format)";
        }

        var ticks = BinaryPrimitives.ReadInt64LittleEndian(header[CreationTimeOffset..]);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return "its header page is damaged (the creation time is not a time)";
        }

        var lastPage = BinaryPrimitives.ReadUInt32LittleEndian(header[LastPageOffset..]);
        var freePage = BinaryPrimitives.ReadUInt32LittleEndian(header[FreeEmptyPageOffset..]);
        if (freePage != uint.MaxValue && freePage > lastPage)
        {
            return "its header page is damaged (its free page lies past its last page)";
        }

        // With a journal waiting, LiteDB reads the pages of its committed transactions from it and
        // copies them into the file later: the file may lag behind its header (after a crash during a
        // checkpoint), but every page it lacks must be one the journal holds.
        var logPath = StoreFile.LogPath(databasePath);
        if (new FileInfo(logPath) is { Exists: true, Length: > 0 })
        {
            return JournalProblem(info.Length, lastPage, logPath);
        }

        if (info.Length % PageSize != 0)
        {
            return Invariant($"it ends inside a page ({info.Length} bytes, not a whole number of {PageSize}-byte pages): it was cut short");
        }

        var pages = info.Length / PageSize;
        return lastPage >= pages
            ? Invariant($"its header counts {(long)lastPage + 1} pages but the file holds {pages}: it was cut short")
            : null;
    }

    /// <summary>
    /// What is missing from a file with a pending journal: the pages up to the last one counted (by the
    /// newest header the journal commits, or the file's own) that neither the file holds whole nor a
    /// committed transaction of the journal supplies. Read as LiteDB 5 reads the journal when it opens
    /// it: blank pages skipped, a transaction committed once one of its pages is marked confirmed.
    /// </summary>
    private static string? JournalProblem(long fileLength, uint lastPage, string logPath)
    {
        var pending = new Dictionary<uint, List<uint>>();
        var supplied = new HashSet<uint>();
        var header = new byte[JournalPageHeader];
        using (var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            for (long position = 0; position + PageSize <= stream.Length; position += PageSize)
            {
                stream.Position = position;
                stream.ReadExactly(header);
                if (Array.TrueForAll(header, b => b == 0))
                {
                    continue;
                }

                var pageId = BinaryPrimitives.ReadUInt32LittleEndian(header);
                var transaction = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(TransactionIdOffset));
                if (!pending.TryGetValue(transaction, out var pages))
                {
                    pages = [];
                    pending[transaction] = pages;
                }

                pages.Add(pageId);
                if (header[IsConfirmedOffset] == 0)
                {
                    continue;
                }

                supplied.UnionWith(pages);
                pages.Clear();
                if (header[PageTypeOffset] == HeaderPageType)
                {
                    lastPage = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageOffset));
                }
            }
        }

        var whole = fileLength / PageSize;
        long missing = 0;
        for (long page = whole; page <= lastPage; page++)
        {
            if (!supplied.Contains((uint)page))
            {
                missing++;
            }
        }

        return missing == 0
            ? null
            : Invariant($"its header counts {(long)lastPage + 1} pages but the file holds {whole} whole ones and its journal holds {(long)lastPage + 1 - whole - missing} of the {(long)lastPage + 1 - whole} it lacks: it was cut short");
    }

    /// <summary>Throws <see cref="StoreOpenException"/> when the file is not a LiteDB file or is damaged; a missing or empty file is a new database.</summary>
    public static void ThrowIfUnusable(string databasePath)
    {
        // LiteDB initialises a file it does not recognise, which would overwrite it; refuse instead.
        if (!StoreFile.LooksLikeLiteDb(databasePath))
        {
            throw new StoreOpenException(
                $"{databasePath} is not a LiteDB result database; it was left as it is: move it aside to start a new one");
        }

        if (Problem(databasePath) is { } problem)
        {
            throw new StoreOpenException(Damaged(databasePath, problem));
        }
    }

    /// <summary>Whether LiteDB threw <paramref name="exception"/> because the file's content cannot be read.</summary>
    public static bool IsDamage(Exception exception) =>
        exception is LiteException or InvalidCastException or FormatException or ArgumentException or IndexOutOfRangeException
            or OverflowException or EndOfStreamException or InvalidDataException or KeyNotFoundException;

    /// <summary>The one-line error for a file LiteDB failed to read with <paramref name="exception"/>.</summary>
    public static StoreOpenException Damaged(string databasePath, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new StoreOpenException(Damaged(databasePath, $"LiteDB cannot read it ({Readable(exception.Message)})"), exception);
    }

    /// <summary>
    /// LiteDB's message without the placeholders some of its checks leave unformatted
    /// ("Page type must be data page: {0}"), as one line.
    /// </summary>
    public static string Readable(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Placeholder().Replace(message, string.Empty);
        return string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.', ' ');
    }

    private static string Damaged(string databasePath, string problem) =>
        $"{databasePath} is damaged: {problem}; it cannot be read and was left as it is: {Remedy}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s*:?\s*\{\d+\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
