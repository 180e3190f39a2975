namespace EdgeSentiment.Core.Segmentation;

/// <summary>
/// One analysis window of a finished recording: it starts at sample <see cref="Start"/> and takes
/// <see cref="Length"/> samples of audio; a window shorter than the window size is zero-padded.
/// </summary>
public readonly record struct PlannedWindow(int Start, int Length);
