using System.Text;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Control;

namespace EdgeSentiment.Device.Composition;

/// <summary>
/// The agent's command line: settings as <c>--Section:Key value</c> (or <c>--Section:Key=value</c>),
/// <c>--help</c> and <c>--version</c>. The configuration's own reader skips what it does not
/// understand ("--help", a file name) and takes any key, so a typo would start the agent on its
/// defaults; here every other argument is refused with the nearest setting.
/// </summary>
public static class AgentCommandLine
{
    /// <summary>Exit code for arguments the agent does not take; the same as the technician's tool's usage errors.</summary>
    public const int UsageErrorExitCode = 2;

    private const string ProgramName = "edgesentiment-agent";

    // The log levels are the host's settings, not a section of the agent's own.
    private const string LoggingSection = "Logging:";

    /// <summary>
    /// Answers <c>--help</c> and <c>--version</c> and refuses what is not a setting.
    /// </summary>
    /// <returns>The exit code when the agent must not start (0 for help and version), or null when it may.</returns>
    public static int? Check(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var refused = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var argument = args[i];
            switch (argument)
            {
                case "--help" or "-h" or "-?":
                    output.Write(Usage());
                    return 0;
                case "--version":
                    output.WriteLine($"{ProgramName} {StatusReport.AgentVersion}");
                    return 0;
            }

            var prefix = argument.StartsWith("--", StringComparison.Ordinal) ? 2 : argument.StartsWith('/') ? 1 : 0;
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if ((prefix == 0 && (equals < 0 || argument.StartsWith('-'))) || equals == prefix)
            {
                refused.Add(NotAnArgument(argument));
                continue;
            }

            var key = equals < 0 ? argument[prefix..] : argument[prefix..equals];
            if (!UnknownSettings.IsKnown(key) && !key.StartsWith(LoggingSection, StringComparison.OrdinalIgnoreCase))
            {
                refused.Add($"error: {argument}: {key} is not a setting; did you mean --{UnknownSettings.Nearest(key)}? ({ProgramName} --help lists them)");

                // Its value, if it has one, is not a second mistake.
                if (equals < 0 && i + 1 < args.Length && !args[i + 1].StartsWith('-') && !args[i + 1].StartsWith('/'))
                {
                    i++;
                }
            }
            else if (equals < 0 && ++i == args.Length)
            {
                refused.Add($"error: {argument} needs a value, e.g. {argument} value or {argument}=value");
            }
        }

        foreach (var line in refused)
        {
            error.WriteLine(line);
        }

        return refused.Count > 0 ? UsageErrorExitCode : null;
    }

    private static string NotAnArgument(string argument)
    {
        // A recording named on its own is the likeliest stray argument.
        var suggestion = Path.HasExtension(argument) || argument.Contains('/', StringComparison.Ordinal)
            ? $"--Capture:File {argument}"
            : $"--{UnknownSettings.Nearest(argument.TrimStart('-', '/').Split('=')[0])} value";
        return $"error: {argument}: not an argument of {ProgramName}; settings are given as --Section:Key value; did you mean {suggestion}? ({ProgramName} --help lists them)";
    }

    private static string Usage()
    {
        var text = new StringBuilder();
        text.AppendLine($"usage: {ProgramName} [--Section:Key value]... | --help | --version");
        text.AppendLine();
        text.AppendLine("Listens, classifies the speech in 2 s windows and shows and stores the audience mood.");
        text.AppendLine($"Settings come from appsettings.json beside the program, then {DeviceConfiguration.DefaultConfigurationDirectory}/*.json");
        text.AppendLine($"(or $CONFIGURATION_DIRECTORY/*.json), then {DeviceConfiguration.EnvironmentPrefix}Section__Key variables, then this command line,");
        text.AppendLine("each overriding the ones before; 'edgesentiment config show' prints the result.");
        text.AppendLine();
        text.AppendLine("Settings:");
        foreach (var (section, keys) in UnknownSettings.BySection())
        {
            var line = new StringBuilder($"  {section + ":",-11}");
            for (var k = 0; k < keys.Count; k++)
            {
                var key = k < keys.Count - 1 ? keys[k] + ", " : keys[k];
                if (line.Length + key.Length > 100)
                {
                    text.AppendLine(line.ToString().TrimEnd());
                    line.Clear().Append(' ', 13);
                }

                line.Append(key);
            }

            text.AppendLine(line.ToString());
        }

        text.AppendLine($"  {LoggingSection,-11}LogLevel:Default and the other log levels");
        text.AppendLine();
        text.AppendLine($"Exit codes: 0 stopped, {UsageErrorExitCode} an argument it does not take, {AgentExitCodes.Fault} a fault while running (systemd restarts it),");
        text.AppendLine($"{AgentExitCodes.ConfigurationError} a configuration it cannot run with (systemd does not restart it).");
        text.AppendLine("More: docs/agent.md.");
        return text.ToString();
    }
}
