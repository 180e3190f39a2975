using EdgeSentiment.Cli.History;

namespace EdgeSentiment.Cli.Tests.Control;

public sealed class SinceArgumentTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("90s", 0, 1, 30)]
    [InlineData("45m", 0, 45, 0)]
    [InlineData("2h", 2, 0, 0)]
    [InlineData("1.5h", 1, 30, 0)]
    public void ASpan_CountsBackFromNow(string text, int hours, int minutes, int seconds)
    {
        Assert.True(SinceArgument.TryParse(text, Now, out var since));
        Assert.Equal(Now - new TimeSpan(hours, minutes, seconds), since);
    }

    [Fact]
    public void ATime_IsTakenAsUtcUnlessAnOffsetIsGiven()
    {
        Assert.True(SinceArgument.TryParse("2026-11-25T18:00", Now, out var utc));
        Assert.Equal(new DateTime(2026, 11, 25, 18, 0, 0, DateTimeKind.Utc), utc);
        Assert.True(SinceArgument.TryParse("2026-11-25T18:00+01:00", Now, out var offset));
        Assert.Equal(new DateTime(2026, 11, 25, 17, 0, 0, DateTimeKind.Utc), offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2x")]
    [InlineData("h")]
    public void AnythingElse_IsRefused(string text) =>
        Assert.False(SinceArgument.TryParse(text, Now, out _));
}
