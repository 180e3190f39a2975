using System.CommandLine;

namespace EdgeSentiment.Cli.Reviews;

/// <summary><c>edgesentiment reviews open|receive</c>: the studio's side of the review booth.</summary>
public static class ReviewsCommand
{
    public static Command Create(CliConsole console) => new("reviews", "Receive and open the sealed spoken reviews the booths recorded (studio side; needs the studio's age key).")
    {
        ReviewOpenCommand.Create(console),
        ReviewReceiveCommand.Create(console),
    };
}
