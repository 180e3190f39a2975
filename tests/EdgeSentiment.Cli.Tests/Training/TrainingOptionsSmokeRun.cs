namespace EdgeSentiment.Cli.Tests.Training;

/// <summary>
/// <c>scripts/train --smoke</c> with the options the model card's runs 34-47 tried (off by default):
/// noise mixed into the log-mel, the speaker adversary, the in-graph noise-floor removal as a
/// second input channel, band warping, relaxed frequency-wise normalisation, 50 ms frames and
/// members that learn from fewer folds (the learning curve of runs 46-49), so those runs stay reproducible.
/// </summary>
public sealed class TrainingOptionsSmokeRun : TrainingSmokeRun
{
    public TrainingOptionsSmokeRun()
        : base(["--mix-noise", "0.5", "--adversary", "0.3", "--floor-channel", "true", "--warp", "0.5", "--rfn", "0.5",
            "--frame-length", "800", "--fft-size", "1024", "--train-folds", "1"])
    {
    }
}
