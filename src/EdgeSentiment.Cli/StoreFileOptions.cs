using System.CommandLine;
using EdgeSentiment.Device.Storage;

namespace EdgeSentiment.Cli;

/// <summary>The <c>--database</c> and <c>--key</c> options shared by the commands that open the result store.</summary>
public static class StoreFileOptions
{
    private static readonly StoreOptions Defaults = new();

    public static Option<string> Database() => new("--database")
    {
        Description = $"The result database (default: {Defaults.DatabasePath}).",
        DefaultValueFactory = _ => Defaults.DatabasePath,
    };

    public static Option<string> Key() => new("--key")
    {
        Description = $"The key file (default: {Defaults.KeyFile}).",
        DefaultValueFactory = _ => Defaults.KeyFile,
    };
}
