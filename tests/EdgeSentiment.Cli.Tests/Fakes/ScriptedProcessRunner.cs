using EdgeSentiment.Cli.Doctor;

namespace EdgeSentiment.Cli.Tests.Fakes;

/// <summary>Answers program runs from a script keyed by "program arg1 arg2"; programs not in it are "not installed".</summary>
public sealed class ScriptedProcessRunner : IProcessRunner
{
    private readonly Dictionary<string, ProcessResult> _answers = new(StringComparer.Ordinal);

    public List<string> Runs { get; } = [];

    public ScriptedProcessRunner Answer(string commandLine, string output, int exitCode = 0, string error = "")
    {
        _answers[commandLine] = new ProcessResult(exitCode, output, error);
        return this;
    }

    public Task<ProcessResult?> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var commandLine = string.Join(' ', [program, .. arguments]);
        Runs.Add(commandLine);
        return Task.FromResult(_answers.TryGetValue(commandLine, out var answer) ? answer : null);
    }
}
