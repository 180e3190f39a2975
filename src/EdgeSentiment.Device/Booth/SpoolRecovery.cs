namespace EdgeSentiment.Device.Booth;

/// <summary>What <see cref="ReviewSpool.Prepare"/> found of the reviews a stop interrupted.</summary>
/// <param name="SealedWithoutAllWords">Reviews whose document waited for their words: sealed now with the words they had.</param>
/// <param name="Removed">Files of reviews cut off while being recorded, removed.</param>
public sealed record SpoolRecovery(IReadOnlyList<string> SealedWithoutAllWords, int Removed);
