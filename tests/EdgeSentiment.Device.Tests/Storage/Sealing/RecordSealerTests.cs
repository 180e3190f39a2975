using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Device.Tests.Storage.Sealing;

public sealed class RecordSealerTests : IDisposable
{
    private static readonly byte[] Plaintext = "{\"positive\":0.75}"u8.ToArray();
    private readonly StoreKey _key = StoreKey.Generate();
    private readonly RecordSealer _sealer;
    private readonly Guid _id = Guid.NewGuid();
    private readonly RecordBinding _binding = new(1_795_000_000_000, 1);

    public RecordSealerTests() => _sealer = new RecordSealer(_key);

    public void Dispose()
    {
        _sealer.Dispose();
        _key.Dispose();
    }

    [Fact]
    public void Open_WhatWasSealed_GivesThePlaintextBack() =>
        Assert.Equal(Plaintext, _sealer.Open("minutes", _id, _binding, _sealer.Seal("minutes", _id, _binding, Plaintext)));

    [Fact]
    public void Seal_TheSameRecordTwice_UsesFreshNonces()
    {
        var first = _sealer.Seal("minutes", _id, _binding, Plaintext);
        var second = _sealer.Seal("minutes", _id, _binding, Plaintext);

        Assert.NotEqual(first.AsSpan(0, RecordSealer.NonceSize).ToArray(), second.AsSpan(0, RecordSealer.NonceSize).ToArray());
        Assert.Equal(Plaintext.Length + RecordSealer.Overhead, first.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(RecordSealer.NonceSize)]
    [InlineData(RecordSealer.Overhead)]
    public void Open_AnyFlippedBit_FailsAuthentication(int position)
    {
        var sealedBytes = _sealer.Seal("minutes", _id, _binding, Plaintext);
        sealedBytes[position] ^= 0x80;

        Assert.Null(_sealer.Open("minutes", _id, _binding, sealedBytes));
    }

    [Fact]
    public void Open_UnderAnotherIdCollectionOrKey_FailsAuthentication()
    {
        var sealedBytes = _sealer.Seal("minutes", _id, _binding, Plaintext);
        using var otherKey = StoreKey.Generate();
        using var other = new RecordSealer(otherKey);

        Assert.Null(_sealer.Open("minutes", Guid.NewGuid(), _binding, sealedBytes));
        Assert.Null(_sealer.Open("sessions", _id, _binding, sealedBytes));
        Assert.Null(other.Open("minutes", _id, _binding, sealedBytes));
        Assert.Null(_sealer.Open("minutes", _id, _binding, sealedBytes.AsSpan(0, RecordSealer.Overhead - 1)));
    }

    [Fact]
    public void Open_AtAnotherTimeOrKind_FailsAuthentication()
    {
        var sealedBytes = _sealer.Seal("outbox", _id, _binding, Plaintext);

        Assert.Null(_sealer.Open("outbox", _id, _binding with { UnixMilliseconds = _binding.UnixMilliseconds + 1 }, sealedBytes));
        Assert.Null(_sealer.Open("outbox", _id, _binding with { Kind = 0 }, sealedBytes));
        Assert.Null(_sealer.Open("outbox", _id, _binding with { Kind = null }, sealedBytes));
        Assert.Null(_sealer.Open("outbox", _id, null, sealedBytes));
    }

    [Fact]
    public void AFormat1Record_OpensOnlyAsFormat1()
    {
        // Written before time and kind were bound: it must still open, and never pass as bound.
        var sealedBytes = _sealer.Seal("outbox", _id, null, Plaintext);

        Assert.Equal(Plaintext, _sealer.Open("outbox", _id, null, sealedBytes));
        Assert.Null(_sealer.Open("outbox", _id, _binding, sealedBytes));
    }

    [Fact]
    public void KeyId_IsStableForAKey_AndNeverShowsTheKey()
    {
        using var copy = StoreKey.FromBytes(_key.Bytes);

        Assert.Equal(_key.Id, copy.Id);
        Assert.Equal(8, _key.Id.Length);
        Assert.DoesNotContain(Convert.ToBase64String(_key.Bytes), _key.ToString(), StringComparison.Ordinal);
    }
}
