using EdgeSentiment.Core.Audio;
using EdgeSentiment.Device.Capture.EchoCancellation;
using EdgeSentiment.Device.Pipeline;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Capture;

/// <summary>
/// Live capture on a dedicated thread (blocking reads must not hold a thread-pool thread).
/// When the device is missing or fails it reports a fault, logs once, and retries with a
/// backoff that doubles up to <see cref="MaxRetryDelay"/> until the device is back.
/// With a soundtrack reference the film is cancelled here, before anything else sees the audio.
/// </summary>
public sealed class MicrophoneSource : IAudioSource
{
    private readonly ICaptureDeviceOpener _opener;
    private readonly ILogger _logger;
    private readonly EchoCancellerSettings? _echo;

    /// <param name="opener">Opens the device, again after every failure.</param>
    /// <param name="description">What the logs call the source.</param>
    /// <param name="firstRetryDelay">First wait before opening a missing device again.</param>
    /// <param name="maxRetryDelay">Longest wait between attempts.</param>
    /// <param name="logger">Where failures go.</param>
    /// <param name="echo">With a soundtrack reference: the echo canceller to build for each opened device (a new device, a new room to learn).</param>
    public MicrophoneSource(ICaptureDeviceOpener opener, string description, TimeSpan firstRetryDelay, TimeSpan maxRetryDelay, ILogger logger, EchoCancellerSettings? echo = null)
    {
        ArgumentNullException.ThrowIfNull(opener);
        ArgumentNullException.ThrowIfNull(logger);
        _opener = opener;
        _echo = echo;
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
                if (_echo is not null && device.HasReference)
                {
                    using var canceller = new EchoCanceller(_echo);
                    PumpCancelling(device, canceller, output, cancellationToken);
                }
                else
                {
                    Pump(device, output, cancellationToken);
                }
            }
            catch (Exception e) when (e is CaptureDeviceException or EchoCancellerException)
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

    private static void PumpCancelling(ICaptureDevice device, EchoCanceller canceller, CaptureOutput output, CancellationToken cancellationToken)
    {
        // Both channels go through their own resampler of the same design, so they stay in step.
        var microphoneResampler = new StreamingResampler(device.SampleRate, CaptureFormat.SampleRate);
        var referenceResampler = new StreamingResampler(device.SampleRate, CaptureFormat.SampleRate);
        var microphone = new float[device.FramesPerRead];
        var reference = new float[device.FramesPerRead];
        var microphone16k = new float[microphoneResampler.MaxOutputLength(microphone.Length)];
        var reference16k = new float[referenceResampler.MaxOutputLength(reference.Length)];
        var residual = new float[canceller.MaxOutputLength(microphone16k.Length)];
        var removed = new float[residual.Length];
        while (!cancellationToken.IsCancellationRequested)
        {
            if (device.Read(microphone, reference))
            {
                output.CountOverrun();
            }

            var count = microphoneResampler.Process(microphone, microphone16k);
            var referenceCount = referenceResampler.Process(reference, reference16k);
            if (count != referenceCount)
            {
                throw new InvalidOperationException($"the resampled microphone ({count}) and reference ({referenceCount}) fell out of step");
            }

            var cancelled = canceller.Process(microphone16k.AsSpan(0, count), reference16k.AsSpan(0, count), residual, removed);
            if (!output.Write(residual.AsSpan(0, cancelled), removed.AsSpan(0, cancelled)))
            {
                return;
            }
        }
    }
}
