using System.Security.Cryptography;

namespace EdgeSentiment.Device.Booth.Age;

/// <summary>
/// Reads the plaintext of an age v1 file chunk by chunk. Every chunk is authenticated before any of
/// it is returned, and a file that ends before its last chunk throws at the end instead of reading
/// as shorter: a caller that writes the plaintext to a file keeps it only once reading reached the end.
/// </summary>
public sealed class AgeOpenStream : Stream
{
    private readonly Stream _input;
    private readonly bool _leaveOpen;
    private readonly ChaCha20Poly1305 _aead;
    private readonly byte[] _sealed = new byte[AgePayload.SealedChunkSize];
    private readonly byte[] _plain = new byte[AgePayload.ChunkSize];
    private readonly byte[] _nonce = new byte[AgePayload.NonceSize];
    private int _plainStart;
    private int _plainEnd;
    private long _counter;
    private int _lookahead = -1;
    private bool _ended;
    private bool _disposed;

    private AgeOpenStream(Stream input, byte[] payloadKey, bool leaveOpen)
    {
        _input = input;
        _leaveOpen = leaveOpen;
        _aead = new ChaCha20Poly1305(payloadKey);
    }

    /// <summary>Reads and checks the header of <paramref name="input"/> with the first of
    /// <paramref name="identities"/> that it was sealed to; throws an <see cref="AgeException"/>
    /// when none is, or when the header was altered.</summary>
    public static AgeOpenStream Open(Stream input, IReadOnlyList<AgeIdentity> identities, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(identities);
        var header = AgeHeader.Read(input);
        if (header.Stanzas.Any(stanza => stanza.Type == "scrypt"))
        {
            throw new AgeException("the file is sealed with a passphrase, not to a recipient: open it with 'age -d'");
        }

        byte[]? fileKey = null;
        foreach (var stanza in header.Stanzas)
        {
            foreach (var identity in identities)
            {
                fileKey = identity.TryUnwrap(stanza);
                if (fileKey is not null)
                {
                    break;
                }
            }

            if (fileKey is not null)
            {
                break;
            }
        }

        if (fileKey is null)
        {
            throw new AgeException("the file was not sealed to this identity: use the studio key whose recipient is in the device's Booth:Recipients");
        }

        try
        {
            if (!AgeHeader.MacMatches(header, fileKey))
            {
                throw new AgeException("the file's header was altered (its MAC does not match): the file cannot be trusted");
            }

            Span<byte> nonce = stackalloc byte[AgeKeySchedule.PayloadNonceSize];
            if (input.ReadAtLeast(nonce, nonce.Length, throwOnEndOfStream: false) < nonce.Length)
            {
                throw new AgeException("the file ends before its payload: it was truncated; copy it again");
            }

            var payloadKey = AgeKeySchedule.PayloadKey(fileKey, nonce);
            var opened = new AgeOpenStream(input, payloadKey, leaveOpen);
            CryptographicOperations.ZeroMemory(payloadKey);
            return opened;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_plainStart == _plainEnd)
        {
            if (_ended || buffer.IsEmpty)
            {
                return 0;
            }

            OpenNextChunk();
        }

        var take = Math.Min(buffer.Length, _plainEnd - _plainStart);
        _plain.AsSpan(_plainStart, take).CopyTo(buffer);
        _plainStart += take;
        return take;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _aead.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
            if (!_leaveOpen)
            {
                _input.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void OpenNextChunk()
    {
        var length = 0;
        if (_lookahead >= 0)
        {
            _sealed[0] = (byte)_lookahead;
            length = 1;
            _lookahead = -1;
        }

        length += _input.ReadAtLeast(_sealed.AsSpan(length), _sealed.Length - length, throwOnEndOfStream: false);

        // A chunk is the last one when the file ends with it; a full chunk needs one byte of look-ahead to know.
        var last = length < _sealed.Length;
        if (!last)
        {
            _lookahead = _input.ReadByte();
            last = _lookahead < 0;
        }

        if (length < AgePayload.TagSize)
        {
            throw new AgeException("the file ends inside a chunk: it was truncated; copy it again");
        }

        if (last && length == AgePayload.TagSize && _counter > 0)
        {
            throw new AgeException("the file ends with an empty chunk, which age never writes: it was altered");
        }

        var plainLength = length - AgePayload.TagSize;
        AgePayload.Nonce(_counter, last, _nonce);
        try
        {
            _aead.Decrypt(_nonce, _sealed.AsSpan(0, plainLength), _sealed.AsSpan(plainLength, AgePayload.TagSize), _plain.AsSpan(0, plainLength));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new AgeException(last
                ? "the file's payload was altered or truncated (its last chunk does not authenticate): the file cannot be trusted"
                : "the file's payload was altered (a chunk does not authenticate): the file cannot be trusted", e);
        }

        _counter++;
        _plainStart = 0;
        _plainEnd = plainLength;
        _ended = last;
    }
}
