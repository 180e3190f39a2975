// Writes minute summaries to a result store as fast as it can and prints "ack ID SEQUENCE" once each
// is committed, so a test can kill it at any moment and check that every acknowledged record survived.
// Usage: EdgeSentiment.StoreCrashHost DATABASE KEYFILE FIRST-SEQUENCE
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using Microsoft.Extensions.Logging;

if (args.Length != 3 || !long.TryParse(args[2], out var sequence))
{
    Console.Error.WriteLine("usage: EdgeSentiment.StoreCrashHost DATABASE KEYFILE FIRST-SEQUENCE");
    return 2;
}

// Log to stderr so stdout carries only acknowledgements; the test shows stderr when something fails.
using var logging = LoggerFactory.Create(builder => builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
using var key = StoreKeyFile.Load(args[1]);
using var store = LiteDbResultStore.Open(
    new StoreOptions { DatabasePath = args[0], KeyFile = args[1] },
    key,
    args[1],
    logging.CreateLogger("store"),
    TimeProvider.System);
var stdout = Console.Out;
var origin = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
stdout.WriteLine("ready");
stdout.Flush();
while (true)
{
    var window = new WindowResult(TimeSpan.Zero, TimeSpan.FromSeconds(2), true, new SentimentScores(0.2f, 0.3f, 0.5f), -20f);
    store.AppendWindow(origin.AddSeconds(sequence), window);

    // The sequence number rides in the window count so the test can spot a duplicate.
    var tally = new SentimentTally((int)(sequence % int.MaxValue), 1, 0, 0, 1, window.Scores);
    var id = store.AppendMinute(new MinuteSummary(origin.AddMinutes(sequence % 500_000), tally, AudienceMood.Positive));
    if (id is { } acknowledged)
    {
        stdout.WriteLine($"ack {acknowledged} {sequence}");
        stdout.Flush();
    }

    if (sequence % 7 == 0 && store.PeekOldest(1) is [var oldest])
    {
        store.Acknowledge(oldest.MessageId);
    }

    sequence++;
}
