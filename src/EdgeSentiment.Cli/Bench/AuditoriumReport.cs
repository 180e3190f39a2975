namespace EdgeSentiment.Cli.Bench;

/// <summary>What the auditorium bench measured.</summary>
/// <param name="Utterances">The audience's utterances in each run.</param>
/// <param name="TailSeconds">The echo canceller's tail.</param>
/// <param name="Rows">One per room, film level and processing, the first without film.</param>
/// <param name="CancellerMsPerWindow">CPU time of the echo canceller for one window hop of audio (0.5 s), on one thread.</param>
/// <param name="GateMsPerWindow">CPU time of the film gate for one window.</param>
/// <param name="ClassifyMsPerWindow">CPU time of speech detection, log-mel and the model for one window.</param>
/// <param name="PeakRssMb">Peak resident set size of the process, MiB.</param>
public sealed record AuditoriumReport(
    int Utterances,
    double TailSeconds,
    IReadOnlyList<AuditoriumRow> Rows,
    double CancellerMsPerWindow,
    double GateMsPerWindow,
    double ClassifyMsPerWindow,
    double? PeakRssMb);
