namespace EdgeSentiment.Core.Tests.Audio;

/// <summary>A scratch directory removed when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("edgesentiment-audio-").FullName;
    }

    public string Path { get; }

    public string Write(string name, byte[] contents)
    {
        string file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, contents);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
