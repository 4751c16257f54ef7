using MySqlConnector;

namespace Sandbox.Sync.Source;

/// <summary>An open, streaming read of the source. Disposing it early cancels the statement instead of draining the rest of the rows.</summary>
public sealed class SourceRows(MySqlCommand command, MySqlDataReader reader) : IAsyncDisposable
{
    public MySqlDataReader Reader { get; } = reader;
    private bool _finished;

    public IReadOnlyList<SourceColumn> Columns { get; } = AppDbSource.Columns(reader);

    public bool Read()
    {
        if (Reader.Read()) return true;
        _finished = true;
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            // MySqlConnector would otherwise read every remaining row to keep the connection usable.
            try { command.Cancel(); } catch (MySqlException) { }
        }
        try { await Reader.DisposeAsync(); } catch (MySqlException) { } // the cancelled statement's error
        await command.DisposeAsync();
    }
}
