namespace EdgeSentiment.Core.Analysis;

/// <summary>
/// One stretch of speech: consecutive windows the speech detector passed, from the start of the
/// first to the end of the last (<see cref="WindowCount"/> windows from index <see cref="FirstWindow"/>).
/// </summary>
public readonly record struct Utterance(TimeSpan Start, TimeSpan End, int FirstWindow, int WindowCount)
{
    public TimeSpan Duration => End - Start;
}
