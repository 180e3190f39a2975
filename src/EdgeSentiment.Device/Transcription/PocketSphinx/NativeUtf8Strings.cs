using System.Runtime.InteropServices;
using System.Text;

namespace EdgeSentiment.Device.Transcription.PocketSphinx;

/// <summary>
/// Zero-terminated UTF-8 copies of strings in native memory, with an array of pointers to them
/// (a C argv). SphinxBase documents that a parsed command line may keep pointing into argv, so
/// the copies live as long as the decoder, not only for the call.
/// </summary>
internal sealed unsafe class NativeUtf8Strings : IDisposable
{
    private byte** _pointers;
    private readonly int _count;

    public NativeUtf8Strings(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _count = values.Count;
        _pointers = (byte**)NativeMemory.AllocZeroed((nuint)(_count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < _count; i++)
        {
            var bytes = Encoding.UTF8.GetByteCount(values[i]);
            var text = (byte*)NativeMemory.Alloc((nuint)(bytes + 1));
            Encoding.UTF8.GetBytes(values[i], new Span<byte>(text, bytes));
            text[bytes] = 0;
            _pointers[i] = text;
        }
    }

    public int Count => _count;

    /// <summary>The pointer array, terminated by a null entry.</summary>
    public byte** Pointers => _pointers;

    public byte* this[int index] => (uint)index < (uint)_count ? _pointers[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Dispose()
    {
        if (_pointers == null)
        {
            return;
        }

        for (var i = 0; i < _count; i++)
        {
            NativeMemory.Free(_pointers[i]);
        }

        NativeMemory.Free(_pointers);
        _pointers = null;
    }
}
