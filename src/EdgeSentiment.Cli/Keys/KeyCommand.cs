using System.CommandLine;

namespace EdgeSentiment.Cli.Keys;

/// <summary><c>edgesentiment key generate|rotate</c>: the result store's encryption key.</summary>
public static class KeyCommand
{
    public static Command Create(CliConsole console) => new("key", "Create or rotate the key that encrypts the result database.")
    {
        KeyGenerateCommand.Create(console),
        KeyRotateCommand.Create(console),
    };
}
