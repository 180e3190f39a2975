using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Storage;

namespace EdgeSentiment.Cli.Export;

/// <summary>Writes export records one at a time, minutes first, then sessions, as they are read.</summary>
public interface IExportRows
{
    void Minute(MinuteSummary minute);

    void Session(ScreeningSession session);
}
