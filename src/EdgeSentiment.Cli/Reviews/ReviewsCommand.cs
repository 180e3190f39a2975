using System.CommandLine;

namespace EdgeSentiment.Cli.Reviews;

/// <summary><c>edgesentiment reviews open</c>: the studio's side of the review booth.</summary>
public static class ReviewsCommand
{
    public static Command Create(CliConsole console) => new("reviews", "Open the sealed spoken reviews a booth recorded (studio side; needs the studio's age key).")
    {
        ReviewOpenCommand.Create(console),
    };
}
