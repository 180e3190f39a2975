namespace EdgeSentiment.Device.Publishing;

/// <summary>Where the publisher is with the broker.</summary>
public enum MqttConnectionState
{
    Disabled = 0,
    Connecting = 1,
    Connected = 2,
    WaitingToReconnect = 3,
    Stopped = 4,
}
