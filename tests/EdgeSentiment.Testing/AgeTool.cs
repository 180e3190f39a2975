namespace EdgeSentiment.Testing;

/// <summary>The reference <c>age-keygen</c> (Debian package <c>age</c>), as a studio makes its key pair.</summary>
public static class AgeTool
{
    /// <summary>Makes a key pair with age-keygen; returns the identity file and its recipient.</summary>
    public static (string KeyFile, string Recipient) KeyGen(TempFolder folder, string name)
    {
        var keyFile = folder.PathOf(name);
        var made = ExternalTool.Run("age-keygen", "-o", keyFile);
        Assert.True(made.ExitCode == 0, made.Error);
        var recipient = ExternalTool.Run("age-keygen", "-y", keyFile);
        Assert.True(recipient.ExitCode == 0, recipient.Error);
        return (keyFile, recipient.Out.Trim());
    }
}
