namespace EdgeSentiment.Cli.Tests.Training;

/// <summary>
/// <c>scripts/train --smoke --smoke-manifest</c>: the synthetic RAVDESS-like corpus plus a tiny
/// second corpus of Opus clips listed by a manifest (encoded with opusenc at test time, one clip
/// shorter than a window), so decoding, padding and folds over two corpora run in the suite.
/// </summary>
public sealed class TrainingManifestSmokeRun : TrainingSmokeRun
{
    public TrainingManifestSmokeRun()
        : base(["--smoke-manifest"])
    {
    }
}
