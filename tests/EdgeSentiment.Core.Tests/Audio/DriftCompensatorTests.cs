using EdgeSentiment.Core.Audio;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Audio;

/// <summary>
/// Two devices that each think they run at 16 kHz: the writer's clock is off by a few hundred
/// parts per million. A film-like signal is a function of time, so each side samples it at its
/// own instants, as two real devices would.
/// </summary>
public sealed class DriftCompensatorTests
{
    private const int Rate = 16000;
    private const int Chunk = 1600;

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    [InlineData(0)]
    public void Read_WriterClockDrifts_QueueSettlesAndNeverRunsDryOrOver(double ppm)
    {
        var drift = new DriftCompensator(Rate, 0.2);
        var output = new float[Chunk];
        var fills = new List<double>();

        Run(drift, ppm, seconds: 600, output, (_, _) => fills.Add(drift.Fill));

        Assert.Equal(0, drift.Overflows);
        Assert.Equal(0, drift.Underruns);

        // After settling the queue holds the target, give or take the chunk being read and the one arriving.
        var settled = fills.Skip(fills.Count / 2).ToArray();
        Assert.InRange(settled.Min(), drift.TargetSamples - (2.0 * Chunk), drift.TargetSamples + (2.0 * Chunk));
        Assert.InRange(settled.Max(), drift.TargetSamples - (2.0 * Chunk), drift.TargetSamples + (2.0 * Chunk));
        Assert.InRange(drift.CorrectionPpm, ppm - 5, ppm + 5);
    }

    [Fact]
    public void Read_WriterClockDrifts_DelayStaysConstantOnceSettled()
    {
        var drift = new DriftCompensator(Rate, 0.2);
        var output = new float[Chunk];
        var delays = new List<double>();

        // The signal is a slow chirp of time, so a sample's value tells when it was recorded.
        Run(drift, 400, seconds: 300, output, (start, samples) =>
        {
            if (start > 120 * Rate)
            {
                delays.Add((start / (double)Rate) - Time(samples[Chunk / 2]) + (Chunk / 2.0 / Rate));
            }
        });

        // Without following the drift the delay would wander by 400 ppm: 72 ms over the last three minutes.
        Assert.True(delays.Max() - delays.Min() < 0.004, $"delay wandered {(delays.Max() - delays.Min()) * 1000:F1} ms");
    }

    [Fact]
    public void WriteAndRead_Steady_AllocateNothing()
    {
        var drift = new DriftCompensator(Rate, 0.2);
        var chunk = new float[Chunk];
        var output = new float[Chunk];
        var seconds = 0.0;
        drift.Write(new float[4000], TimeSpan.Zero);

        Assert.Equal(0, Allocations.FewestBytes(() =>
        {
            seconds += 0.1;
            drift.Write(chunk, TimeSpan.FromSeconds(seconds));
            drift.Read(output, TimeSpan.FromSeconds(seconds));
        }));
    }

    [Fact]
    public void Read_BeforeTheQueueFills_GivesSilence()
    {
        var drift = new DriftCompensator(Rate, 0.2);
        drift.Write(Enumerable.Repeat(1f, 100).ToArray(), TimeSpan.Zero);
        var output = new float[Chunk];

        drift.Read(output, TimeSpan.FromSeconds(0.1));

        Assert.All(output, s => Assert.Equal(0f, s));
    }

    [Fact]
    public void Read_WriterStops_ReportsStarvedAndCountsAnUnderrun()
    {
        var drift = new DriftCompensator(Rate, 0.2);
        drift.Write(Enumerable.Repeat(0.5f, 4000).ToArray(), TimeSpan.FromSeconds(0.25));
        var output = new float[Chunk];

        var starved = false;
        for (var i = 0; i < 4; i++)
        {
            starved |= drift.Read(output, TimeSpan.FromSeconds(0.3 + (i * 0.1)));
        }

        Assert.True(starved);
        Assert.Equal(1, drift.Underruns);
    }

    [Fact]
    public void Write_ReaderStops_DropsTheOldestAndCountsAnOverflow()
    {
        var drift = new DriftCompensator(Rate, 0.2);
        var output = new float[Chunk];
        drift.Write(new float[4000], TimeSpan.FromSeconds(0.25));
        drift.Read(output, TimeSpan.FromSeconds(0.3));

        for (var i = 0; i < 20; i++)
        {
            drift.Write(new float[Chunk], TimeSpan.FromSeconds(0.4 + (i * 0.1)));
        }

        Assert.True(drift.Overflows > 0);
        Assert.InRange(drift.Fill, 0, drift.TargetSamples * 4.0);
    }

    /// <summary>
    /// Simulated devices: the reader takes <see cref="Chunk"/> samples each 100 ms of its clock; the
    /// writer hands over a chunk each time its faster or slower clock has recorded one.
    /// </summary>
    private static void Run(DriftCompensator drift, double ppm, int seconds, float[] output, Action<long, float[]> afterRead)
    {
        var writerRate = Rate * (1 + (ppm * 1e-6));
        long written = 0;
        var chunk = new float[Chunk];
        for (long read = 0; read < (long)seconds * Rate; read += Chunk)
        {
            var now = (read + Chunk) / (double)Rate;
            while ((written + Chunk) / writerRate <= now)
            {
                for (var i = 0; i < Chunk; i++)
                {
                    chunk[i] = Value((written + i) / writerRate);
                }

                written += Chunk;
                drift.Write(chunk, TimeSpan.FromSeconds(written / writerRate));
            }

            drift.Read(output, TimeSpan.FromSeconds(now));
            afterRead(read, output);
        }
    }

    // A ramp of time, scaled to stay within full scale for the length of a run.
    private static float Value(double seconds) => (float)(seconds / 1000);

    private static double Time(float value) => value * 1000.0;
}
