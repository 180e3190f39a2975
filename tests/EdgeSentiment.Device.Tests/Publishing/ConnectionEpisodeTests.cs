using EdgeSentiment.Device.Publishing;

namespace EdgeSentiment.Device.Tests.Publishing;

public sealed class ConnectionEpisodeTests
{
    [Fact]
    public void Fail_IsNewsForTheFirstFailureAndForEachChangeOfReason_NotForRepeats()
    {
        var episode = new ConnectionEpisode();

        Assert.True(episode.Fail("Connection refused"));
        Assert.False(episode.Fail("Connection refused"));
        Assert.False(episode.Fail("Connection refused"));
        Assert.True(episode.Fail("the certificate is expired"));
        Assert.False(episode.Fail("the certificate is expired"));
        Assert.True(episode.Fail("Connection refused"));
        Assert.Equal(6, episode.Failures);
    }

    [Fact]
    public void Succeed_ReportsTheFailedAttempts_AndStartsAFreshEpisode()
    {
        var episode = new ConnectionEpisode();
        episode.Fail("Connection refused");
        episode.Fail("Connection refused");

        Assert.Equal(2, episode.Succeed());
        Assert.Equal(0, episode.Succeed());
        Assert.True(episode.Fail("Connection refused"));
    }

    [Fact]
    public void Lose_IsNoFailedAttempt_ButAFailureForAnotherReasonAfterItIsNews()
    {
        var episode = new ConnectionEpisode();
        episode.Lose("the broker closed the connection");

        Assert.Equal(0, episode.Failures);
        Assert.True(episode.Fail("Connection refused"));
        Assert.Equal(1, episode.Succeed());
    }
}
