using System.Globalization;

namespace EdgeSentiment.Core.Audio;

/// <summary>
/// A WAV recording read a block at a time and mixed to mono at its own rate: a recording of any
/// length costs two block buffers, never the whole of it.
/// </summary>
public sealed class WavMonoReader : IDisposable
{
    // Whole frames per block are carved out of this; 64 KiB keeps reads large and the buffer out of the LOH.
    private const int BlockBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly string _source;
    private readonly long? _declared;
    private readonly byte[] _raw;
    private readonly float[] _interleaved;
    private long _remaining;
    private bool _ended;

    private WavMonoReader(Stream stream, bool ownsStream, string source)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _source = source;
        WavHeader header;
        try
        {
            header = WavHeaderParser.Parse(stream, source);
        }
        catch (IOException ex)
        {
            throw AudioFormatException.For(source, $"cannot be read: {ex.Message}");
        }

        Format = header.Format;
        _declared = header.DataLength;
        _remaining = header.DataLength ?? long.MaxValue;
        if (stream.CanSeek)
        {
            // Check the claim against what is really there before reading anything from it.
            long present = Math.Max(0, stream.Length - stream.Position);
            if (header.DataLength is { } claimed && claimed > present)
            {
                throw TruncatedError(claimed, present);
            }

            _remaining = Math.Min(_remaining, present);
            FrameCount = _remaining / Format.BlockAlign;
        }

        int blockFrames = BlockBytes / Format.BlockAlign;
        _raw = new byte[blockFrames * Format.BlockAlign];
        _interleaved = Format.Channels == 1 ? [] : new float[blockFrames * Format.Channels];
    }

    public WavFormat Format { get; }

    /// <summary>The sample frames the recording holds, when the stream can tell before it is read (a file can).</summary>
    public long? FrameCount { get; }

    /// <summary>Sample frames read so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>Opens the file at <paramref name="path"/> and reads its header.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable, damaged or not a supported WAV.</exception>
    public static WavMonoReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = OpenFile(path);
        try
        {
            return new WavMonoReader(stream, ownsStream: true, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the header of <paramref name="stream"/>; the caller keeps and disposes the stream.</summary>
    /// <param name="stream">Positioned at the start of the RIFF header; seekable or not.</param>
    /// <param name="sourceName">What to call the stream in error messages, usually its file name.</param>
    /// <exception cref="AudioFormatException">The stream is damaged or not a supported WAV.</exception>
    public static WavMonoReader Over(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new WavMonoReader(stream, ownsStream: false, sourceName);
    }

    /// <summary>Reads up to <paramref name="mono"/>.Length frames mixed to mono; 0 at the end of the recording.</summary>
    /// <exception cref="AudioFormatException">The recording is truncated, holds no audio, or a float sample is not a number.</exception>
    public int Read(Span<float> mono)
    {
        int frames = 0;
        while (frames < mono.Length && !_ended)
        {
            frames += ReadBlock(mono[frames..]);
        }

        if (_ended && FramesRead == 0)
        {
            throw AudioFormatException.For(_source, "no audio: the data chunk holds no complete sample frame; record or export it again");
        }

        return frames;
    }

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    internal static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw AudioFormatException.For(path, "file not found; check the path");
        }
        catch (UnauthorizedAccessException)
        {
            throw AudioFormatException.For(path, "permission denied (or it is a directory); check the path and the file's permissions");
        }
        catch (IOException ex)
        {
            throw AudioFormatException.For(path, $"cannot be opened: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw AudioFormatException.For(path, $"not a usable path: {ex.Message}");
        }
    }

    private int ReadBlock(Span<float> mono)
    {
        if (_remaining <= 0)
        {
            _ended = true;
            return 0;
        }

        int blockAlign = Format.BlockAlign;
        int want = (int)Math.Min(Math.Min(_raw.Length, (long)mono.Length * blockAlign), _remaining);
        int got;
        try
        {
            got = _stream.ReadAtLeast(_raw.AsSpan(0, want), want, throwOnEndOfStream: false);
        }
        catch (IOException ex)
        {
            throw AudioFormatException.For(_source, $"cannot be read: {ex.Message}");
        }

        _remaining -= got;
        int frames = got / blockAlign;
        if (frames > 0)
        {
            var decoded = mono[..frames];
            Decode(_raw.AsSpan(0, frames * blockAlign), decoded);
            if (Format.Encoding == WavSampleEncoding.IeeeFloat)
            {
                // One NaN or infinity would turn every feature of its window, and the verdict, into NaN.
                RefuseNonFinite(decoded);
            }

            FramesRead += frames;
        }

        if (got < want)
        {
            if (_declared is { } claimed)
            {
                throw TruncatedError(claimed, claimed - _remaining);
            }

            // "To the end of the stream": a partial trailing frame is dropped.
            _ended = true;
        }

        return frames;
    }

    private void Decode(Span<byte> raw, Span<float> mono)
    {
        if (Format.Channels == 1)
        {
            WavSampleDecoder.Decode(Format, raw, mono);
            return;
        }

        Span<float> samples = _interleaved.AsSpan(0, mono.Length * Format.Channels);
        WavSampleDecoder.Decode(Format, raw, samples);
        WavSampleDecoder.MixToMono(samples, Format.Channels, mono);
    }

    private void RefuseNonFinite(ReadOnlySpan<float> block)
    {
        for (int i = 0; i < block.Length; i++)
        {
            if (!float.IsFinite(block[i]))
            {
                long frame = FramesRead + i;
                throw AudioFormatException.For(_source, string.Create(CultureInfo.InvariantCulture,
                    $"sample frame {frame} ({(double)frame / Format.SampleRate:0.000} s) is not a number (NaN or infinity); the file is damaged or was written by a faulty tool, export it again"));
            }
        }
    }

    private AudioFormatException TruncatedError(long claimed, long present) =>
        AudioFormatException.For(_source, $"the data chunk header claims {claimed} bytes but only {present} are present; the file is truncated or its header is wrong, re-copy or re-export it (sox in.wav out.wav rewrites the header)");
}
