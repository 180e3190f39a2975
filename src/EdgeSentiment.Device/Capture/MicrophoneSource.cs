using EdgeSentiment.Core.Audio;
using EdgeSentiment.Device.Pipeline;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Capture;

/// <summary>
/// Live capture on a dedicated thread (blocking reads must not hold a thread-pool thread).
/// When the device is missing or fails it reports a fault, logs once, and retries with a
/// backoff that doubles up to <see cref="MaxRetryDelay"/> until the device is back.
/// </summary>
public sealed class MicrophoneSource : IAudioSource
{
    private readonly ICaptureDeviceOpener _opener;
    private readonly ILogger _logger;

    public MicrophoneSource(ICaptureDeviceOpener opener, string description, TimeSpan firstRetryDelay, TimeSpan maxRetryDelay, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(opener);
        ArgumentNullException.ThrowIfNull(logger);
        _opener = opener;
        Description = description;
        FirstRetryDelay = firstRetryDelay;
        MaxRetryDelay = maxRetryDelay;
        _logger = logger;
    }

    public string Description { get; }

    public bool IsLive => true;

    public TimeSpan FirstRetryDelay { get; }

    public TimeSpan MaxRetryDelay { get; }

    public Task RunAsync(CaptureOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(output, cancellationToken);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "edgesentiment-capture",
        };
        thread.Start();
        return done.Task;
    }

    private void Run(CaptureOutput output, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var device = _opener.Open();
                _logger.CaptureOpened(device.Name, device.SampleRate);
                if (failures > 0)
                {
                    _logger.CaptureRecovered(failures);
                }

                failures = 0;
                delay = FirstRetryDelay;
                output.ReportRecovered();
                Pump(device, output, cancellationToken);
            }
            catch (CaptureDeviceException e)
            {
                // Log the first failure of an outage only: a missing microphone must not fill the journal.
                if (failures == 0)
                {
                    _logger.CaptureFailed(e.Message);
                }
                else
                {
                    _logger.CaptureRetrying(e.Message, delay);
                }

                failures++;
                output.ReportFault();
                if (cancellationToken.WaitHandle.WaitOne(delay))
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private static void Pump(ICaptureDevice device, CaptureOutput output, CancellationToken cancellationToken)
    {
        var resampler = new StreamingResampler(device.SampleRate, CaptureFormat.SampleRate);
        var frames = new float[device.FramesPerRead];
        var resampled = new float[resampler.MaxOutputLength(frames.Length)];
        while (!cancellationToken.IsCancellationRequested)
        {
            if (device.Read(frames))
            {
                output.CountOverrun();
            }

            var count = resampler.Process(frames, resampled);
            if (!output.Write(resampled.AsSpan(0, count)))
            {
                return;
            }
        }
    }
}
