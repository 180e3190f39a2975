using EdgeSentiment.Core.Audio;
using EdgeSentiment.Device.Pipeline;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Capture;

/// <summary>
/// Plays a recording into the pipeline as if it were a microphone: in real time (the default
/// run), or as fast as the pipeline takes it (tests), once or looped.
/// </summary>
public sealed class WavFileSource : IAudioSource
{
    private readonly PcmAudio _audio;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _chunkSamples;

    public WavFileSource(PcmAudio audio, string description, bool loop, bool realTime, TimeSpan chunkDuration, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        if (audio.SampleRate != CaptureFormat.SampleRate)
        {
            throw new ArgumentException($"audio must be at {CaptureFormat.SampleRate} Hz, got {audio.SampleRate} Hz", nameof(audio));
        }

        _audio = audio;
        Description = description;
        Loop = loop;
        IsLive = realTime;
        _time = time;
        _logger = logger;
        _chunkSamples = Math.Max(1, (int)(chunkDuration.TotalSeconds * audio.SampleRate));
    }

    public string Description { get; }

    public bool IsLive { get; }

    public bool Loop { get; }

    /// <summary>Loads <paramref name="path"/> as 16 kHz mono.</summary>
    /// <exception cref="AudioFormatException">Missing or unreadable file.</exception>
    public static WavFileSource Load(string path, bool loop, bool realTime, TimeSpan chunkDuration, TimeProvider time, ILogger logger) =>
        new(AudioLoader.LoadMono(path, CaptureFormat.SampleRate), Path.GetFileName(path), loop, realTime, chunkDuration, time, logger);

    public async Task RunAsync(CaptureOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var samples = _audio.Samples;
        _logger.FileSourceStarted(Description, _audio.DurationSeconds, Loop, IsLive);
        if (samples.Length == 0)
        {
            return;
        }

        // Paced against the start time rather than chunk by chunk, so delays never accumulate drift.
        var started = _time.GetTimestamp();
        long written = 0;
        var position = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var count = Math.Min(_chunkSamples, samples.Length - position);
            var chunk = samples.AsMemory(position, count);
            var accepted = IsLive ? output.Write(chunk.Span) : await output.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (!accepted)
            {
                return;
            }

            written += count;
            position += count;
            if (position == samples.Length)
            {
                if (!Loop)
                {
                    return;
                }

                position = 0;
            }

            if (IsLive)
            {
                var due = TimeSpan.FromSeconds((double)written / _audio.SampleRate);
                var wait = due - _time.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
