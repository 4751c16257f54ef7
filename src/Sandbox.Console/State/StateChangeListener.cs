using Npgsql;

namespace Sandbox.Console.State;

/// <summary>
/// LISTEN console_state (migration 0010's triggers) on one connection of its own: each notification,
/// another console's write or this one's, moves <see cref="StateChanges"/>. While the connection is
/// down, memory is off (every lookup reads PostgreSQL) until listening again.
/// </summary>
public sealed class StateChangeListener(NpgsqlDataSource dataSource, StateChanges changes, ILogger<StateChangeListener> logger) : BackgroundService
{
    public const string Channel = "console_state";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => changes.Changed();
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                changes.SetListening(true);
                // A quiet connection is checked now and then: a dead one must not leave memory trusted.
                while (true)
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken))
                        await using (var ping = new NpgsqlCommand("select 1", connection)) await ping.ExecuteScalarAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                changes.SetListening(false);
                logger.LogWarning("state change notifications stopped ({Message}); lookups read PostgreSQL until they are back", error.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        changes.SetListening(false);
    }
}
