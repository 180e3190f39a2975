namespace EdgeSentiment.Testing;

/// <summary>
/// The damage seen on copies of real result databases, done to a test's own file: a header with bytes
/// flipped, a file cut short, data pages that no longer read as data.
/// </summary>
public static class StoreDamage
{
    public const string FlippedHeader = "16 bytes flipped at offset 64";
    public const string CutToHalf = "cut to half";
    public const string TailCut = "last 5000 bytes cut off";

    private const int PageSize = 8192;
    private const int PageTypeOffset = 4;
    private const byte DataPage = 4;
    private const byte IndexPage = 3;

    /// <summary>Fills a store with enough windows and minutes for a database of many pages.</summary>
    public static void Seed(StoreTestBed bed)
    {
        ArgumentNullException.ThrowIfNull(bed);
        using var store = bed.Open();
        var window = StoreTestBed.Window(0.2f, 0.3f, 0.5f);
        for (var minute = 0; minute < 20; minute++)
        {
            for (var i = 0; i < 120; i++)
            {
                store.AppendWindow(StoreTestBed.Origin.AddMinutes(minute).AddSeconds(i * 0.5), window);
            }

            store.AppendMinute(StoreTestBed.Minute(minute));
        }
    }

    /// <summary>
    /// Leaves the file as a crash leaves it: twenty more minutes committed to the journal
    /// (<c>results-log.db</c>) and not yet copied into the file, which still holds only what
    /// <see cref="Seed"/> wrote. Returns the journal's length.
    /// </summary>
    public static long LeavePendingJournal(StoreTestBed bed)
    {
        ArgumentNullException.ThrowIfNull(bed);
        var logPath = Path.Combine(bed.Folder, "results-log.db");
        byte[] data;
        byte[] journal;
        using (var store = bed.Open())
        {
            var window = StoreTestBed.Window(0.2f, 0.3f, 0.5f);
            for (var minute = 20; minute < 40; minute++)
            {
                for (var i = 0; i < 30; i++)
                {
                    store.AppendWindow(StoreTestBed.Origin.AddMinutes(minute).AddSeconds(i * 2), window);
                }

                store.AppendMinute(StoreTestBed.Minute(minute));
            }

            // LiteDB writes each commit to the journal before it returns; the file catches up at close.
            data = File.ReadAllBytes(bed.DatabasePath);
            journal = File.ReadAllBytes(logPath);
        }

        File.WriteAllBytes(bed.DatabasePath, data);
        File.WriteAllBytes(logPath, journal);
        return journal.Length;
    }

    public static void Apply(string damage, string databasePath)
    {
        var bytes = File.ReadAllBytes(databasePath);
        File.WriteAllBytes(databasePath, damage switch
        {
            FlippedHeader => Flip(bytes, 64, 16),
            CutToHalf => bytes[..(bytes.Length / 2)],
            TailCut => bytes[..(bytes.Length - 5000)],
            _ => throw new ArgumentOutOfRangeException(nameof(damage), damage, "no such damage"),
        });
    }

    /// <summary>Every data page but the first (which holds the key id, written at creation) is marked as an index page.</summary>
    public static void BreakDataPages(string databasePath)
    {
        var bytes = File.ReadAllBytes(databasePath);
        var first = true;
        for (var page = 1; page < bytes.Length / PageSize; page++)
        {
            if (bytes[(page * PageSize) + PageTypeOffset] == DataPage)
            {
                if (!first)
                {
                    bytes[(page * PageSize) + PageTypeOffset] = IndexPage;
                }

                first = false;
            }
        }

        File.WriteAllBytes(databasePath, bytes);
    }

    private static byte[] Flip(byte[] bytes, int offset, int count)
    {
        for (var i = offset; i < offset + count; i++)
        {
            bytes[i] = (byte)~bytes[i];
        }

        return bytes;
    }
}
