namespace EdgeSentiment.Cli;

/// <summary>Where a command writes: data to <see cref="Out"/>, messages to <see cref="Error"/>.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsInteractive)
{
    /// <summary>The process's own streams; interactive when stdout is a terminal.</summary>
    public static CliConsole System { get; } =
        new(Console.Out, Console.Error, !Console.IsOutputRedirected);

    /// <summary>Writes "error: message" on the error stream.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");
}
