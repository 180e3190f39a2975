using EdgeSentiment.Device.Configuration;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Capture;

/// <summary>Checks the <c>Capture</c> section at start; each failure names the key and the allowed values.</summary>
public sealed class CaptureOptionsValidator : IValidateOptions<CaptureOptions>
{
    public ValidateOptionsResult Validate(string? name, CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionErrors(CaptureOptions.SectionName);
        errors.Enum<CaptureSourceKind>(nameof(options.Source), options.Source);
        errors.NotEmpty(nameof(options.File), options.File, "the path of a WAV file (needed when Source is File)");
        errors.NotEmpty(nameof(options.Device), options.Device, "'default', a device index, or part of a device name ('edgesentiment devices' lists them)");
        errors.Range(nameof(options.BufferMilliseconds), options.BufferMilliseconds, 10, 1000);
        errors.Range(nameof(options.ReferenceChannel), options.ReferenceChannel, 0, 32);
        errors.Range(nameof(options.MicrophoneChannel), options.MicrophoneChannel, 1, 32);
        errors.Range(nameof(options.EchoTailSeconds), options.EchoTailSeconds, 0.05, 2);
        errors.Range(nameof(options.ReferenceQueueSeconds), options.ReferenceQueueSeconds, 0.05, 2);
        if (options.HasReferenceDevice && options.ReferenceQueueSeconds * 1000 < 2 * options.BufferMilliseconds)
        {
            // The queue must outlast a read of one device while a read of the other is on its way.
            errors.Add(nameof(options.ReferenceQueueSeconds), options.ReferenceQueueSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), $"at least two reads of BufferMilliseconds ({2 * options.BufferMilliseconds / 1000.0:0.###} s) with a ReferenceDevice");
        }

        if (options.HasReference && !options.HasReferenceDevice && options.ReferenceChannel == options.MicrophoneChannel)
        {
            errors.Add(nameof(options.ReferenceChannel), options.ReferenceChannel.ToString(System.Globalization.CultureInfo.InvariantCulture), $"0 (no reference) or a channel other than MicrophoneChannel ({options.MicrophoneChannel}), or a ReferenceDevice of its own");
        }
        errors.Range(nameof(options.FirstRetrySeconds), options.FirstRetrySeconds, 0.05, 600);
        errors.Range(nameof(options.MaxRetrySeconds), options.MaxRetrySeconds, Math.Max(0.05, options.FirstRetrySeconds), 3600);
        return errors.Any ? ValidateOptionsResult.Fail(errors.Messages) : ValidateOptionsResult.Success;
    }
}
