using System.Text;
using System.Text.Json;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Booth;

public sealed class ReviewSpoolTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();
    private readonly AgeIdentity _studio = AgeIdentity.Generate();

    public void Dispose()
    {
        _studio.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Complete_Review_TwoSealedFilesTheStudioOpens()
    {
        var spool = NewSpool();
        using (var review = spool.Begin(Noon, "foyer-1", 16_000))
        {
            review.Append(Signals.Sine(220, 2.0));
            review.Complete([new ReviewWindow(0, 1, true, "positive", 0.1f, 0.2f, 0.7f)], null);
        }

        var id = Assert.Single(spool.Waiting());
        Assert.StartsWith("20261204T120000Z-foyer-1-", id, StringComparison.Ordinal);
        var document = JsonDocument.Parse(Open(spool.DocumentPath(id))).RootElement;
        Assert.Equal("foyer-1", document.GetProperty("device").GetString());
        Assert.Equal(2.0, document.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(id + ".opus", document.GetProperty("audio").GetString());
        Assert.Equal("positive", document.GetProperty("windows")[0].GetProperty("sentiment").GetString());
        Assert.Equal("OggS", Encoding.ASCII.GetString(Open(spool.AudioPath(id))[..4]));
        Assert.Empty(Directory.GetFiles(spool.Folder, "*" + ReviewSpool.PartialSuffix));
    }

    [Fact]
    public void Dispose_BeforeComplete_LeavesNothingInTheSpool()
    {
        var spool = NewSpool();
        using (var review = spool.Begin(Noon, "foyer-1", 16_000))
        {
            review.Append(Signals.Sine(220, 1.0));
        }

        Assert.Empty(Directory.GetFiles(spool.Folder));
    }

    [Fact]
    public void Prepare_AfterPowerCut_RemovesPartsAndKeepsWholeReviews()
    {
        var spool = NewSpool();
        using (var review = spool.Begin(Noon, "foyer-1", 16_000))
        {
            review.Append(Signals.Sine(220, 1.0));
            review.Complete([], null);
        }

        var whole = Assert.Single(spool.Waiting());

        // A review cut off while recording, and one cut off between its two renames.
        File.WriteAllBytes(Path.Combine(spool.Folder, "20261204T120500Z-foyer-1-aaaaaa.opus.age.part"), new byte[100]);
        File.WriteAllBytes(Path.Combine(spool.Folder, "20261204T121000Z-foyer-1-bbbbbb.opus.age"), new byte[100]);
        File.WriteAllBytes(Path.Combine(spool.Folder, "20261204T121000Z-foyer-1-bbbbbb.json.age.part"), new byte[100]);

        var recovery = spool.Prepare();
        Assert.Equal(3, recovery.Removed);
        Assert.Empty(recovery.SealedWithoutAllWords);
        Assert.Equal([whole], spool.Waiting());
        Assert.Equal(2, Directory.GetFiles(spool.Folder).Length);
    }

    [Fact]
    public void Prepare_PowerCutWhileTheDocumentWaitedForItsWords_SealsThePendingDocument()
    {
        var spool = NewSpool();
        var review = spool.Begin(Noon, "foyer-1", 16_000);
        review.Append(Signals.Sine(220, 2.0));
        review.CompleteAudio();
        var words = ReviewWords.Of([], missing: 2, complete: false);
        review.WritePending([new ReviewWindow(0, 1, true, "negative", 0.7f, 0.2f, 0.1f)], null, words);

        // The power goes: the review is never completed nor disposed; the next start finds its files.
        var restarted = new ReviewSpool(spool.Folder, spool.LimitBytes, [AgeRecipient.Parse(_studio.Recipient.ToString())]);
        var recovery = restarted.Prepare();

        Assert.Equal([review.Id], recovery.SealedWithoutAllWords);
        Assert.Equal(0, recovery.Removed);
        Assert.Equal([review.Id], restarted.Waiting());
        Assert.False(File.Exists(restarted.PendingPath(review.Id)));
        var document = JsonDocument.Parse(Open(restarted.DocumentPath(review.Id))).RootElement;
        Assert.Equal("negative", document.GetProperty("windows")[0].GetProperty("sentiment").GetString());
        Assert.Equal(ReviewWords.Incomplete, document.GetProperty("words").GetProperty("outcome").GetString());
        Assert.Equal(2, document.GetProperty("words").GetProperty("missing").GetInt32());
    }

    [Fact]
    public void CompleteDocument_AfterAPendingOne_LeavesOnlyTheDocument()
    {
        var spool = NewSpool();
        string id;
        using (var review = spool.Begin(Noon, "foyer-1", 16_000))
        {
            id = review.Id;
            review.Append(Signals.Sine(220, 1.0));
            review.CompleteAudio();
            review.WritePending([], null, ReviewWords.Of([], missing: 1, complete: false));
            review.WritePending([], null, ReviewWords.Of([], missing: 0, complete: false));
            review.CompleteDocument([], null, ReviewWords.Of([], missing: 0, complete: true));
        }

        Assert.Equal([id], spool.Waiting());
        Assert.Equal(2, Directory.GetFiles(spool.Folder).Length);
        var document = JsonDocument.Parse(Open(spool.DocumentPath(id))).RootElement;
        Assert.Equal(ReviewWords.Transcribed, document.GetProperty("words").GetProperty("outcome").GetString());
        Assert.Empty(spool.Prepare().SealedWithoutAllWords);
    }

    [Fact]
    public void Dispose_WithAPendingDocument_LeavesNothingInTheSpool()
    {
        var spool = NewSpool();
        using (var review = spool.Begin(Noon, "foyer-1", 16_000))
        {
            review.Append(Signals.Sine(220, 1.0));
            review.CompleteAudio();
            review.WritePending([], null, null);
        }

        Assert.Empty(Directory.GetFiles(spool.Folder));
    }

    [Fact]
    public void Prepare_PendingDocumentBesideItsDocument_RemovesThePendingOne()
    {
        var spool = NewSpool();
        string id;
        using (var review = spool.Begin(Noon, "foyer-1", 16_000))
        {
            id = review.Id;
            review.Append(Signals.Sine(220, 1.0));
            review.Complete([], null);
        }

        // A power cut between the document's rename and the pending document's removal.
        File.WriteAllBytes(spool.PendingPath(id), new byte[100]);

        var recovery = spool.Prepare();

        Assert.Empty(recovery.SealedWithoutAllWords);
        Assert.False(File.Exists(spool.PendingPath(id)));
        Assert.Equal([id], spool.Waiting());
    }

    [Fact]
    public void HasRoom_SpoolFull_FalseAndKeepsEveryReview()
    {
        var spool = NewSpool(limitBytes: 2000);
        using (var review = spool.Begin(Noon, "foyer-1", 16_000))
        {
            review.Append(Signals.Noise(2.0, 0.1));
            review.Complete([], null);
        }

        Assert.False(spool.HasRoom());
        spool.Prepare();
        Assert.Single(spool.Waiting());
    }

    [Fact]
    public void Spool_DeviceKeys_CannotOpenItsOwnReviews()
    {
        var spool = NewSpool();
        using (var review = spool.Begin(Noon, "foyer-1", 16_000))
        {
            review.Append(Signals.Sine(220, 1.0));
            review.Complete([], null);
        }

        // What the booth was given is public keys only, and nothing it wrote holds a private key.
        foreach (var file in Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("AGE-SECRET-KEY", File.ReadAllText(file, Encoding.Latin1), StringComparison.OrdinalIgnoreCase);
        }

        using var stranger = AgeIdentity.Generate();
        var id = Assert.Single(spool.Waiting());
        Assert.Throws<AgeException>(() => AgeOpenStream.Open(File.OpenRead(spool.AudioPath(id)), [stranger]));
    }

    private ReviewSpool NewSpool(long limitBytes = 10_000_000)
    {
        var spool = new ReviewSpool(_folder.PathOf("reviews"), limitBytes, [AgeRecipient.Parse(_studio.Recipient.ToString())]);
        spool.Prepare();
        return spool;
    }

    private byte[] Open(string path)
    {
        using var open = AgeOpenStream.Open(File.OpenRead(path), [_studio]);
        using var plain = new MemoryStream();
        open.CopyTo(plain);
        return plain.ToArray();
    }
}
