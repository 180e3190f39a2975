namespace EdgeSentiment.Device.Storage.Sealing;

/// <summary>
/// The clear-text fields of a stored record that its associated data binds besides collection, id
/// and key: its time (whole UTC milliseconds, as LiteDB stores it) and its kind (outbox topic,
/// event kind), so neither can be changed in the file without the record failing to open.
/// </summary>
public readonly record struct RecordBinding(long UnixMilliseconds, int? Kind);
