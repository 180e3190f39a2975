using System.Diagnostics;
using EdgeSentiment.Testing;
using Xunit.Abstractions;

namespace EdgeSentiment.Device.Tests.Storage;

public sealed class CrashTests : IDisposable
{
    private const int Kills = 20;
    private readonly StoreTestBed _bed = new();
    private readonly ITestOutputHelper _output;

    public CrashTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task KilledWithSigkillAtRandomMoments_KeepsEveryAcknowledgedRecord_AndDuplicatesNothing()
    {
        var seed = Environment.TickCount;
        _output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var acknowledged = new Dictionary<Guid, long>();
        for (var run = 0; run < Kills; run++)
        {
            var acks = await RunAndKillAsync(run * 1_000_000L, TimeSpan.FromMilliseconds(random.Next(0, 400)));
            foreach (var (id, sequence) in acks)
            {
                acknowledged.Add(id, sequence);
            }

            using var store = _bed.Open();
            var minutes = store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue);
            var stored = minutes.ToDictionary(m => m.Id, m => (long)m.Value.Tally.WindowCount);
            foreach (var (id, sequence) in acknowledged)
            {
                Assert.True(stored.TryGetValue(id, out var found), $"run {run}: acknowledged record {id} ({sequence}) is missing");
                Assert.Equal(sequence, found);
            }

            var sequences = minutes.Select(m => m.Value.Tally.WindowCount).ToList();
            Assert.Equal(sequences.Count, sequences.Distinct().Count());
            Assert.Equal(0, store.GetStatus().TamperedRecords);
        }

        _output.WriteLine($"{acknowledged.Count} acknowledged records over {Kills} kills");
        Assert.True(acknowledged.Count >= Kills, "the host acknowledged too few records for the test to mean anything");
    }

    private async Task<List<(Guid Id, long Sequence)>> RunAndKillAsync(long firstSequence, TimeSpan runFor)
    {
        var host = RepositoryPaths.Built("tests/EdgeSentiment.StoreCrashHost", "EdgeSentiment.StoreCrashHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { host, _bed.DatabasePath, _bed.KeyPath, firstSequence.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acks = new List<(Guid, long)>();
        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Split(' ') is ["ack", var id, var sequence])
                {
                    lock (acks)
                    {
                        acks.Add((Guid.Parse(id), long.Parse(sequence, System.Globalization.CultureInfo.InvariantCulture)));
                    }

                    writing.TrySetResult();
                }
            }
        });
        var stderr = process.StandardError.ReadToEndAsync();

        // Start-up time varies with the machine's load; the kill lands at a random moment once records flow.
        await Task.WhenAny(writing.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(writing.Task.IsCompleted, $"the crash host wrote nothing: {(process.HasExited ? await stderr : "timed out")}");
        await Task.Delay(runFor);
        process.Kill();
        await process.WaitForExitAsync();
        await reader;
        return acks;
    }
}
