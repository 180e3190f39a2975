using EdgeSentiment.Device.Configuration;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>Checks the <c>Pipeline</c> section at start; each failure names the key and the allowed values.</summary>
public sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionErrors(PipelineOptions.SectionName);
        errors.Range(nameof(options.InferenceThreads), options.InferenceThreads, 1, 8);
        errors.Range(nameof(options.ChunkQueueCapacity), options.ChunkQueueCapacity, 1, 10000);
        errors.Range(nameof(options.WindowQueueCapacity), options.WindowQueueCapacity, 1, 1000);
        errors.Range(nameof(options.ResultQueueCapacity), options.ResultQueueCapacity, 1, 10000);
        errors.Range(nameof(options.SinkQueueCapacity), options.SinkQueueCapacity, 1, 10000);
        errors.Range(nameof(options.DrainSeconds), options.DrainSeconds, 0, 30);
        errors.Range(nameof(options.StallSeconds), options.StallSeconds, 1, 3600);
        return errors.Any ? ValidateOptionsResult.Fail(errors.Messages) : ValidateOptionsResult.Success;
    }
}
