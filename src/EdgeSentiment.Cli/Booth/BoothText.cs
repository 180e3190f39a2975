using System.Globalization;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Booth;

/// <summary>Writes <c>booth start|stop|status</c> for people: what the booth does, the reviews not yet whole, the spool.</summary>
public static class BoothText
{
    public static void Write(TextWriter output, BoothReply reply)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reply);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(reply.State switch
        {
            BoothState.Recording => string.Create(c, $"Recording review {reply.Recording} ({reply.RecordedSeconds:0.0} s so far)."),
            BoothState.SpoolFull => "Refused: the spool is full; reviews are kept until delivered, so check the broker (edgesentiment status) or raise Booth:SpoolLimitMegabytes.",
            _ => "Idle: waiting for the button.",
        });
        // A review just ended waits for its words before it is sealed: name it first, so the last sealed one is not taken for it.
        if (reply.AwaitingWordsIds is { Count: > 0 } awaiting)
        {
            foreach (var id in awaiting)
            {
                output.WriteLine($"Ended: {id}; its audio is sealed, its document waits for its words (at most Booth:WordsWaitSeconds).");
            }
        }
        else if (reply.AwaitingWords > 0)
        {
            output.WriteLine(string.Create(c, $"{reply.AwaitingWords} review(s) ended, their audio sealed, their document waiting for their words (at most Booth:WordsWaitSeconds)."));
        }

        if (reply.LastSealed is { } last)
        {
            output.WriteLine(string.Create(c, $"Last sealed: {last} ({reply.LastSealedSeconds:0.0} s)."));
        }

        foreach (var row in reply.History)
        {
            output.WriteLine($"  {DisplayText.Date(row.TimeUtc)}  {row.Detail}");
        }

        output.WriteLine(string.Create(c, $"Spool {reply.SpoolFolder}: {reply.Waiting} review(s) waiting for delivery, {reply.SpoolBytes / 1048576.0:0.0} MB of {reply.SpoolLimitBytes / 1048576.0:0} MB."));
    }
}
