using System.Text.Json;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Booth.Opus;
using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Device.Booth;

/// <summary>
/// One review being recorded: microphone samples -> Ogg Opus -> age -> a temporary file in the
/// spool, page by page, so the audio exists only sealed. <see cref="CompleteAudio"/> finishes the audio
/// and renames it into the spool; <see cref="CompleteDocument"/> seals the document beside it, the moment
/// the review exists (audio without its document is removed at start, unless
/// <see cref="WritePending"/> left a document for it while it waited for its words);
/// <see cref="Dispose"/> before that discards the review whole.
/// </summary>
public sealed class ReviewRecording : IDisposable
{
    private readonly ReviewSpool _spool;
    private readonly IReadOnlyList<AgeRecipient> _recipients;
    private readonly int _sampleRate;
    private readonly string _audioPartial;
    private readonly FileStream _audioFile;
    private readonly AgeSealStream _audioSeal;
    private readonly OggOpusWriter _opus;
    private long _samples;
    private long _sealedBytes;
    private bool _audioDone;
    private bool _done;

    internal ReviewRecording(ReviewSpool spool, string id, DateTimeOffset started, string device, int sampleRate, IReadOnlyList<AgeRecipient> recipients)
    {
        _spool = spool;
        _recipients = recipients;
        _sampleRate = sampleRate;
        Id = id;
        Started = started;
        Device = device;
        _audioPartial = spool.AudioPath(id) + ReviewSpool.PartialSuffix;
        _audioFile = NewFile(_audioPartial);
        try
        {
            _audioSeal = new AgeSealStream(_audioFile, recipients, leaveOpen: true);
            _opus = new OggOpusWriter(_audioSeal, sampleRate, new Dictionary<string, string> { ["TITLE"] = $"Review {id}" });
        }
        catch
        {
            _audioSeal?.Dispose();
            _audioFile.Dispose();
            File.Delete(_audioPartial);
            throw;
        }
    }

    public string Id { get; }

    public DateTimeOffset Started { get; }

    public string Device { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)_samples / _sampleRate);

    /// <summary>Bytes written to the spool so far for this review.</summary>
    public long SealedBytes => _audioDone ? _sealedBytes : _audioFile.Length;

    public void Append(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(_audioDone, this);
        _opus.Write(samples);
        _samples += samples.Length;
    }

    /// <summary>Finishes the audio, seals the review's document (with <paramref name="windows"/> and
    /// <paramref name="overall"/>) beside it and commits the review.</summary>
    public ReviewDocument Complete(IReadOnlyList<ReviewWindow> windows, ReviewSentiment? overall)
    {
        CompleteAudio();
        return CompleteDocument(windows, overall, words: null);
    }

    /// <summary>Finishes and syncs the sealed audio and gives it its name in the spool; the review is not whole until its document is there.</summary>
    public void CompleteAudio()
    {
        ObjectDisposedException.ThrowIf(_audioDone, this);
        _audioDone = true;
        _opus.Complete();
        _audioSeal.Complete();
        _audioFile.Flush(flushToDisk: true);
        _sealedBytes = _audioFile.Length;
        _audioFile.Dispose();
        DurableFile.Move(_audioPartial, _spool.AudioPath(Id));
    }

    /// <summary>
    /// Seals the document as it stands (after <see cref="CompleteAudio"/>) beside the audio as the
    /// review's pending document, replacing the one before: while the review waits for its words,
    /// a stop of the agent leaves this for the next start to make the document.
    /// </summary>
    public void WritePending(IReadOnlyList<ReviewWindow> windows, ReviewSentiment? overall, ReviewWords? words)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (!_audioDone)
        {
            throw new InvalidOperationException("the review's audio is not complete");
        }

        WriteSealed(Describe(windows, overall, words), _spool.PendingPath(Id), overwrite: true);
    }

    /// <summary>Seals the review's document beside its audio (after <see cref="CompleteAudio"/>): the review is whole.</summary>
    public ReviewDocument CompleteDocument(IReadOnlyList<ReviewWindow> windows, ReviewSentiment? overall, ReviewWords? words)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (!_audioDone)
        {
            throw new InvalidOperationException("the review's audio is not complete");
        }

        // On failure the audio without its document is removed by Dispose, or at start.
        var document = Describe(windows, overall, words);
        WriteSealed(document, _spool.DocumentPath(Id), overwrite: false);
        File.Delete(_spool.PendingPath(Id));
        _done = true;
        Dispose();
        return document;
    }

    /// <summary>Discards the review unless it was completed.</summary>
    public void Dispose()
    {
        _opus.Dispose();
        _audioSeal.Dispose();
        _audioFile.Dispose();
        if (!_done)
        {
            _done = true;
            File.Delete(_audioPartial);
            if (_audioDone)
            {
                File.Delete(_spool.PendingPath(Id));
                File.Delete(_spool.AudioPath(Id));
            }
        }
    }

    private ReviewDocument Describe(IReadOnlyList<ReviewWindow> windows, ReviewSentiment? overall, ReviewWords? words) =>
        new(Id, Started, Device, Math.Round(Duration.TotalSeconds, 3), Path.GetFileName(_spool.AudioPath(Id))[..^4], windows, overall, words);

    /// <summary>Seals <paramref name="document"/> to a temporary file, syncs it and renames it to <paramref name="path"/>.</summary>
    private void WriteSealed(ReviewDocument document, string path, bool overwrite)
    {
        var partial = path + ReviewSpool.PartialSuffix;
        try
        {
            using (var file = NewFile(partial))
            {
                using (var seal = new AgeSealStream(file, _recipients, leaveOpen: true))
                {
                    JsonSerializer.Serialize(seal, document, ReviewJson.Default.ReviewDocument);
                    seal.Complete();
                }

                file.Flush(flushToDisk: true);
            }

            DurableFile.Move(partial, path, overwrite);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static FileStream NewFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Sealed or not, a review is the studio's: other users of the board have no business with it.
            options.UnixCreateMode = OwnerOnlyFile.Mode;
        }

        return new FileStream(path, options);
    }
}
