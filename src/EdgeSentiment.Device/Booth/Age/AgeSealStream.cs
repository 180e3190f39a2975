using System.Security.Cryptography;

namespace EdgeSentiment.Device.Booth.Age;

/// <summary>
/// Writes an age v1 file to a stream as the plaintext arrives: the header first, then each 64 KiB
/// chunk as soon as it is known not to be the last, so a long review is never held in memory.
/// </summary>
/// <remarks>
/// The file is only whole after <see cref="Complete"/> (or <see cref="CompleteAsync"/>) sealed the
/// last chunk. Disposing without it leaves a file that every age reader refuses as truncated: a
/// review cut short by an error can never pass for a complete one.
/// </remarks>
public sealed class AgeSealStream : Stream
{
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly ChaCha20Poly1305 _aead;
    private readonly byte[] _plain = new byte[AgePayload.ChunkSize];
    private readonly byte[] _sealed = new byte[AgePayload.SealedChunkSize];
    private readonly byte[] _nonce = new byte[AgePayload.NonceSize];
    private int _buffered;
    private long _counter;
    private long _written;
    private bool _completed;
    private bool _disposed;

    /// <summary>Writes the header for <paramref name="recipients"/> (each under a fresh ephemeral key)
    /// and the payload nonce to <paramref name="output"/>.</summary>
    public AgeSealStream(Stream output, IReadOnlyList<AgeRecipient> recipients, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("at least one recipient is needed", nameof(recipients));
        }

        _output = output;
        _leaveOpen = leaveOpen;
        var fileKey = RandomNumberGenerator.GetBytes(AgeKeySchedule.FileKeySize);
        var stanzas = new AgeStanza[recipients.Count];
        for (var i = 0; i < stanzas.Length; i++)
        {
            stanzas[i] = X25519Stanza.Wrap(recipients[i], fileKey);
        }

        var payloadNonce = RandomNumberGenerator.GetBytes(AgeKeySchedule.PayloadNonceSize);
        var payloadKey = AgeKeySchedule.PayloadKey(fileKey, payloadNonce);
        _output.Write(AgeHeader.Write(stanzas, fileKey));
        _output.Write(payloadNonce);
        CryptographicOperations.ZeroMemory(fileKey);
        _aead = new ChaCha20Poly1305(payloadKey);
        CryptographicOperations.ZeroMemory(payloadKey);
    }

    /// <summary>Plaintext bytes written so far.</summary>
    public long PlaintextLength => _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed && !_completed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the sealed file is already complete");
        }

        while (buffer.Length > 0)
        {
            // A full chunk is sealed only when more plaintext follows: until then it may be the last.
            if (_buffered == AgePayload.ChunkSize)
            {
                _output.Write(SealChunk(last: false).Span);
            }

            var take = Math.Min(buffer.Length, AgePayload.ChunkSize - _buffered);
            buffer[..take].CopyTo(_plain.AsSpan(_buffered));
            _buffered += take;
            _written += take;
            buffer = buffer[take..];
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the sealed file is already complete");
        }

        while (buffer.Length > 0)
        {
            if (_buffered == AgePayload.ChunkSize)
            {
                await _output.WriteAsync(SealChunk(last: false), cancellationToken);
            }

            var take = Math.Min(buffer.Length, AgePayload.ChunkSize - _buffered);
            buffer.Span[..take].CopyTo(_plain.AsSpan(_buffered));
            _buffered += take;
            _written += take;
            buffer = buffer[take..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Seals the last chunk: from here on the file is whole. The output is flushed, not closed.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_completed)
        {
            _output.Write(SealChunk(last: true).Span);
            _completed = true;
        }

        _output.Flush();
    }

    /// <inheritdoc cref="Complete"/>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_completed)
        {
            await _output.WriteAsync(SealChunk(last: true), cancellationToken);
            _completed = true;
        }

        await _output.FlushAsync(cancellationToken);
    }

    public override void Flush() => _output.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _aead.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
            if (!_leaveOpen)
            {
                _output.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private ReadOnlyMemory<byte> SealChunk(bool last)
    {
        AgePayload.Nonce(_counter, last, _nonce);
        var length = _buffered;
        _aead.Encrypt(_nonce, _plain.AsSpan(0, length), _sealed.AsSpan(0, length), _sealed.AsSpan(length, AgePayload.TagSize));
        _counter++;
        _buffered = 0;
        return _sealed.AsMemory(0, length + AgePayload.TagSize);
    }
}
