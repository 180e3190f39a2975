namespace EdgeSentiment.Testing;

/// <summary>Measures what a call allocates once the runtime has settled.</summary>
public static class Allocations
{
    /// <summary>
    /// The fewest bytes the current thread allocated over several rounds of <paramref name="calls"/>
    /// calls: the runtime's own background work (tiered JIT recompiling a hot loop) can land in one
    /// round, while a real allocation in <paramref name="call"/> shows in every round.
    /// </summary>
    public static long FewestBytes(Action call, int calls = 50, int rounds = 5)
    {
        ArgumentNullException.ThrowIfNull(call);
        call();
        var fewest = long.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < calls; i++)
            {
                call();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
