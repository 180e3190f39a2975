namespace EdgeSentiment.Integration.Tests;

/// <summary>Finds the checkout the tests run from, so they can use the shipped model and samples.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Models => Path.Combine(Root, "models");

    public static string Sample(string name) => Path.Combine(Samples, name);

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
