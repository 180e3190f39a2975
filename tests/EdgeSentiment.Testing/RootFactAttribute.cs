namespace EdgeSentiment.Testing;

/// <summary>A test that must act as another user (setpriv): skipped unless the tests run as root, as they do in CI.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root, to run a command as the user nobody with setpriv";
        }
    }
}
