using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.CompilerServices;

namespace EdgeSentiment.Cli.Terminal;

/// <summary>
/// An "Examples:" section at the end of a command's <c>--help</c>, and only there (not in its parent's
/// list of commands, where a description is one line).
/// </summary>
public static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];

    /// <summary>Attaches <paramref name="examples"/> (one command line each, optionally with a "# why") to <paramref name="command"/>.</summary>
    public static TCommand WithExamples<TCommand>(this TCommand command, params string[] examples)
        where TCommand : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Makes the help of every command under <paramref name="root"/> end with its examples.</summary>
    public static void Install(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction standard } help)
            {
                help.Action = new ExamplesHelpAction(standard);
            }
        }
    }

    /// <summary>True when <paramref name="parseResult"/> asks for help, which is shown even if the rest of the line has errors.</summary>
    public static bool IsHelp(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.Action is HelpAction or ExamplesHelpAction;
    }

    private sealed class ExamplesHelpAction : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        private readonly HelpAction _standard;

        public ExamplesHelpAction(HelpAction standard) => _standard = standard;

        public override int Invoke(ParseResult parseResult)
        {
            var code = _standard.Invoke(parseResult);
            if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine("  " + example);
                }

                output.WriteLine();
            }

            return code;
        }
    }
}
