using EdgeSentiment.Agent.Pipeline;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Core.Tests.Pipeline;

public sealed class MoodVoteTests
{
    private static readonly WindowResult Silence = new(TimeSpan.Zero, TimeSpan.Zero, false, new SentimentScores(0.3f, 0.4f, 0.3f), -80);
    private static readonly WindowResult Angry = new(TimeSpan.Zero, TimeSpan.Zero, true, new SentimentScores(0.8f, 0.1f, 0.1f), -20);
    private static readonly WindowResult Happy = new(TimeSpan.Zero, TimeSpan.Zero, true, new SentimentScores(0.1f, 0.1f, 0.8f), -20);

    [Fact]
    public void Add_OneStraySpeechWindow_StaysNoSpeech()
    {
        var vote = new MoodVote(history: 6, minSpeechWindows: 2);
        vote.Add(Silence);
        Assert.Equal(AudienceMood.NoSpeech, vote.Add(Angry));
    }

    [Fact]
    public void Add_MajorityOfRecentSpeech_WinsAndOldWindowsAgeOut()
    {
        var vote = new MoodVote(history: 4, minSpeechWindows: 2);
        vote.Add(Angry);
        Assert.Equal(AudienceMood.Negative, vote.Add(Angry));
        vote.Add(Happy);
        Assert.Equal(AudienceMood.Negative, vote.Add(Happy)); // a tie keeps the current mood
        Assert.Equal(AudienceMood.Positive, vote.Add(Happy));
        vote.Add(Silence);
        vote.Add(Silence);
        Assert.Equal(AudienceMood.NoSpeech, vote.Add(Silence));
    }
}
