namespace EdgeSentiment.Device.Indicators;

/// <summary>
/// Finds the gpiochip that carries the 40-pin header. On a Raspberry Pi 4 (and earlier) it is
/// gpiochip0. On a Pi 5 the header sits on the RP1 south bridge: gpiochip4 on kernels before 6.6.45,
/// gpiochip0 on later ones (where the SoC's own lines moved to higher numbers). We look for the chip
/// whose device is RP1's GPIO block, and fall back to the board model.
/// </summary>
public static class GpioChipLocator
{
    public const string ModelPath = "/proc/device-tree/model";
    public const string GpioBusPath = "/sys/bus/gpio/devices";

    /// <summary>The header's chip number and the board model (for the log).</summary>
    public static (int Chip, string Board) Locate(string modelPath = ModelPath, string gpioBusPath = GpioBusPath)
    {
        var board = ReadText(modelPath) ?? "unknown board";
        if (!board.Contains("Raspberry Pi 5", StringComparison.Ordinal))
        {
            return (0, board);
        }

        if (Directory.Exists(gpioBusPath))
        {
            foreach (var chip in Directory.EnumerateDirectories(gpioBusPath, "gpiochip*"))
            {
                if (IsRp1(chip) && int.TryParse(Path.GetFileName(chip).AsSpan("gpiochip".Length), out var number))
                {
                    return (number, board);
                }
            }
        }

        // Not found under sysfs: assume the older numbering, where RP1 was gpiochip4.
        return (4, board);
    }

    private static bool IsRp1(string chip)
    {
        // The device path names RP1's GPIO block (1f000d0000.gpio); some kernels also give a label.
        var target = new DirectoryInfo(chip).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? chip;
        var label = ReadText(Path.Combine(chip, "label")) ?? "";
        return target.Contains("1f000d0000.gpio", StringComparison.Ordinal) || label.Contains("rp1", StringComparison.OrdinalIgnoreCase);
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).TrimEnd('\0', '\n', ' ') : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
