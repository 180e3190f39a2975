using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Testing;

/// <summary>A sink that keeps every update it gets and lets a test wait for one.</summary>
public sealed class RecordingSink : IMoodSink
{
    private readonly List<MoodUpdate> _updates = [];

    public RecordingSink(string name = "recording") => Name = name;

    public string Name { get; }

    public IReadOnlyList<MoodUpdate> Updates
    {
        get
        {
            lock (_updates)
            {
                return [.. _updates];
            }
        }
    }

    public ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken)
    {
        lock (_updates)
        {
            _updates.Add(update);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until an update matching <paramref name="match"/> arrives; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(Func<MoodUpdate, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var update in Updates)
            {
                if (match(update))
                {
                    return true;
                }
            }

            await Task.Delay(20);
        }

        return false;
    }
}
