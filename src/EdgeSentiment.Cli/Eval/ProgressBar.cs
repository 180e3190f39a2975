namespace EdgeSentiment.Cli.Eval;

/// <summary>A one-line progress bar on a terminal; silent when output is redirected.</summary>
public sealed class ProgressBar
{
    private const int Width = 30;
    private readonly TextWriter _writer;
    private readonly bool _enabled;
    private readonly int _total;
    private int _done;

    public ProgressBar(TextWriter writer, bool enabled, int total)
    {
        _writer = writer;
        _enabled = enabled;
        _total = Math.Max(1, total);
    }

    public void Advance()
    {
        _done++;
        if (_enabled)
        {
            var filled = _done * Width / _total;
            _writer.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{_total}");
        }
    }

    /// <summary>Writes a message on its own line without tearing the bar.</summary>
    public void Interrupt(string message)
    {
        if (_enabled)
        {
            _writer.Write('\r');
            _writer.Write(new string(' ', Width + 24));
            _writer.Write('\r');
        }

        _writer.WriteLine(message);
    }

    public void Finish()
    {
        if (_enabled)
        {
            _writer.WriteLine();
        }
    }
}
