namespace EdgeSentiment.Testing;

/// <summary>A test that needs a board with LEDs attached: skipped unless EDGESENTIMENT_HARDWARE=1.</summary>
public sealed class HardwareFactAttribute : FactAttribute
{
    public const string Variable = "EDGESENTIMENT_HARDWARE";

    public HardwareFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"needs a Raspberry Pi with LEDs on GPIO 17/27/22; set {Variable}=1 to run";
        }
    }
}
