namespace EdgeSentiment.Core.Segmentation;

/// <summary>The first test a window failed on its way to being called speech; <see cref="Passed"/> when it is speech.</summary>
public enum SpeechCheck
{
    Passed = 0,

    /// <summary>Too quiet overall.</summary>
    Level = 1,

    /// <summary>Too few frames stand out from the window's own noise floor (steady noise, a tone, a held chord).</summary>
    Activity = 2,

    /// <summary>The level does not rise and fall at the syllable rate.</summary>
    Modulation = 3,
}
