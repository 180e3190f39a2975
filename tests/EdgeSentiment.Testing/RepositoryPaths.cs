namespace EdgeSentiment.Testing;

/// <summary>Finds the checkout the tests run from, so they can use the shipped model and samples.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Models => Path.Combine(Root, "models");

    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>
    /// A program of the solution as it was built beside the tests, in the tests' configuration, e.g.
    /// <c>Built("src/EdgeSentiment.Agent", "edgesentiment-agent.dll")</c>. Test projects run programs as
    /// processes (or read them) and never reference them; a build-order reference builds them first.
    /// </summary>
    public static string Built(string project, string fileName)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(Root, project, "bin", configuration, "net10.0", fileName);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeSentiment.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no EdgeSentiment.sln above {AppContext.BaseDirectory}");
    }
}
