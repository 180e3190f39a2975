using System.Globalization;
using System.Runtime.InteropServices;

namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>
/// One Pa_Initialize .. Pa_Terminate span. PortAudio learns about hot-plugged devices only when
/// it is initialised again, so the capture source opens a new session for every attempt.
/// PortAudio is not thread-safe: every call into it goes through one process-wide lock.
/// </summary>
public sealed unsafe class PortAudioSession : IDisposable
{
    private static readonly Lock Gate = new();
    private bool _disposed;

    /// <exception cref="PortAudioException">PortAudio could not be initialised.</exception>
    /// <exception cref="DllNotFoundException">libportaudio.so.2 is not installed.</exception>
    public PortAudioSession()
    {
        lock (Gate)
        {
            NativeAudioMessages.Quiet();
            Check("Pa_Initialize", PortAudioNative.Initialize());
        }
    }

    /// <summary>PortAudio's version text, e.g. "PortAudio V19.6.0-devel".</summary>
    public static string VersionText
    {
        get
        {
            lock (Gate)
            {
                return Marshal.PtrToStringUTF8(PortAudioNative.GetVersionText()) ?? "PortAudio";
            }
        }
    }

    /// <summary>Every device with at least one input channel.</summary>
    public IReadOnlyList<CaptureDeviceInfo> ListCaptureDevices()
    {
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var count = PortAudioNative.GetDeviceCount();
            if (count < 0)
            {
                throw new PortAudioException("Pa_GetDeviceCount", count);
            }

            var defaultInput = PortAudioNative.GetDefaultInputDevice();
            var devices = new List<CaptureDeviceInfo>(count);
            for (var index = 0; index < count; index++)
            {
                var info = PortAudioNative.GetDeviceInfo(index);
                if (info is null || info->MaxInputChannels < 1)
                {
                    continue;
                }

                var hostApi = PortAudioNative.GetHostApiInfo(info->HostApi);
                devices.Add(new CaptureDeviceInfo(
                    index,
                    Marshal.PtrToStringUTF8(info->Name) ?? $"device {index}",
                    hostApi is null ? "?" : Marshal.PtrToStringUTF8(hostApi->Name) ?? "?",
                    info->MaxInputChannels,
                    info->DefaultSampleRate,
                    index == defaultInput));
            }

            return devices;
        }
    }

    /// <summary>
    /// The capture device <paramref name="selector"/> names: empty or "default" for the system
    /// default input, a number for a device index, otherwise a case-insensitive substring of the name.
    /// </summary>
    /// <returns>The device, or null when none matches.</returns>
    public CaptureDeviceInfo? FindCaptureDevice(string? selector)
    {
        var devices = ListCaptureDevices();
        if (string.IsNullOrWhiteSpace(selector) || selector.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var device in devices)
            {
                if (device.IsDefault)
                {
                    return device;
                }
            }

            return devices.Count > 0 ? devices[0] : null;
        }

        if (int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            foreach (var device in devices)
            {
                if (device.Index == index)
                {
                    return device;
                }
            }

            return null;
        }

        // An exact name wins over a substring, so "default" style names stay reachable.
        foreach (var device in devices)
        {
            if (device.Name.Equals(selector, StringComparison.OrdinalIgnoreCase))
            {
                return device;
            }
        }

        foreach (var device in devices)
        {
            if (device.Name.Contains(selector, StringComparison.OrdinalIgnoreCase))
            {
                return device;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="device"/> can capture <paramref name="channels"/> float channels at <paramref name="sampleRate"/>.</summary>
    public bool Supports(CaptureDeviceInfo device, int channels, double sampleRate)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var input = Parameters(device, channels);
            return PortAudioNative.IsFormatSupported(&input, null, sampleRate) == PortAudioNative.NoError;
        }
    }

    /// <summary>
    /// Opens and starts a blocking float32 input stream on <paramref name="device"/>: 16 kHz mono
    /// when the device can, otherwise its own default rate and as few channels as it allows.
    /// </summary>
    /// <param name="device">The device to open.</param>
    /// <param name="preferredRate">The rate to ask for first.</param>
    /// <param name="bufferDuration">Audio per read.</param>
    /// <param name="split">With a soundtrack reference: the microphone's and the reference's channels, both read in one stream so they share one clock.</param>
    /// <exception cref="PortAudioException">No supported format, too few channels, or the device would not open.</exception>
    public PortAudioInput OpenInput(CaptureDeviceInfo device, int preferredRate, TimeSpan bufferDuration, CaptureChannels? split = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (split is { } wanted && wanted.Needed > device.MaxInputChannels)
        {
            throw new PortAudioException(
                $"device '{device.Name}' has {device.MaxInputChannels} input channel(s); the microphone on channel {wanted.Microphone + 1} and the reference on channel {wanted.Reference + 1} need {wanted.Needed}");
        }

        var channels = split is { } needed ? needed.Needed
            : Supports(device, 1, preferredRate) || Supports(device, 1, device.DefaultSampleRate) ? 1 : Math.Min(2, device.MaxInputChannels);
        double rate = preferredRate;
        if (!Supports(device, channels, rate))
        {
            rate = device.DefaultSampleRate;
            if (!Supports(device, channels, rate))
            {
                throw new PortAudioException(
                    $"device '{device.Name}' supports neither {preferredRate} Hz nor its default {device.DefaultSampleRate} Hz with {channels} channel(s) of float samples");
            }
        }

        var frames = Math.Max(64, (int)(rate * bufferDuration.TotalSeconds));
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var input = Parameters(device, channels);
            var code = PortAudioNative.OpenStream(out var raw, &input, null, rate, (nuint)frames, PortAudioNative.ClipOff, 0, 0);
            Check("Pa_OpenStream", code);
            var handle = new PortAudioStreamHandle();
            Marshal.InitHandle(handle, raw);
            code = PortAudioNative.StartStream(raw);
            if (code != PortAudioNative.NoError)
            {
                handle.Dispose();
                Check("Pa_StartStream", code);
            }

            return new PortAudioInput(handle, device, (int)rate, channels, frames, split);
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // Nothing useful can be done when terminating fails; the process keeps running either way.
            _ = PortAudioNative.Terminate();
        }
    }

    private static PaStreamParameters Parameters(CaptureDeviceInfo device, int channels)
    {
        var info = PortAudioNative.GetDeviceInfo(device.Index);
        return new PaStreamParameters
        {
            Device = device.Index,
            ChannelCount = channels,
            SampleFormat = PortAudioNative.Float32,
            SuggestedLatency = info is null ? 0.1 : info->DefaultHighInputLatency,
            HostApiSpecificStreamInfo = 0,
        };
    }

    private static void Check(string call, int code)
    {
        if (code < 0)
        {
            throw new PortAudioException(call, code);
        }
    }
}
