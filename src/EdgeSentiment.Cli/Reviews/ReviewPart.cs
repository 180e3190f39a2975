namespace EdgeSentiment.Cli.Reviews;

/// <summary>The two files of a review, as the booth delivers them: the audio first, the document last.</summary>
public enum ReviewPart
{
    /// <summary>The recording, Ogg Opus (<c>ID.opus</c>).</summary>
    Audio = 0,

    /// <summary>The JSON document (<c>ID.json</c>); its arrival on disk is the review's arrival.</summary>
    Document,
}
