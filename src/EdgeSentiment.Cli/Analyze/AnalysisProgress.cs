using System.Globalization;

namespace EdgeSentiment.Cli.Analyze;

/// <summary>
/// A line on stderr at every tenth of a long recording, so a technician analysing a whole screening
/// sees it advance; short recordings, and recordings of unknown length, stay quiet.
/// </summary>
public sealed class AnalysisProgress : IProgress<long>
{
    /// <summary>Recordings at least this long report their progress.</summary>
    public static readonly TimeSpan LongRecording = TimeSpan.FromMinutes(5);

    private const int Steps = 10;
    private readonly TextWriter _error;
    private readonly string _name;
    private readonly long _total;
    private readonly int _sampleRate;
    private int _reported;

    public AnalysisProgress(TextWriter error, string name, long? totalSamples, int sampleRate)
    {
        _error = error;
        _name = name;
        _sampleRate = sampleRate;
        _total = totalSamples is { } total && total >= LongRecording.TotalSeconds * sampleRate ? total : 0;
    }

    public void Report(long value)
    {
        if (_total == 0)
        {
            return;
        }

        var step = (int)Math.Min(Steps, value * Steps / _total);
        if (step > _reported && step < Steps)
        {
            _reported = step;
            _error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{_name}: {step * 100 / Steps} % ({Clock(value)} of {Clock(_total)})"));
            _error.Flush();
        }
    }

    private string Clock(long samples) =>
        TimeSpan.FromSeconds((double)samples / _sampleRate).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
}
