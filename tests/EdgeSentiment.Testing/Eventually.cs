namespace EdgeSentiment.Testing;

/// <summary>Waits for something a broker or the publisher does in its own time.</summary>
public static class Eventually
{
    /// <summary>True as soon as <paramref name="condition"/> holds; false when it still does not after <paramref name="patience"/>.</summary>
    public static async Task<bool> Within(TimeSpan patience, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
