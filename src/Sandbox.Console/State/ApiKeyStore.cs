using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Sandbox.Console.State;

public sealed record ApiKeyInfo(int Id, string Prefix, DateTimeOffset CreatedAt);

/// <summary>Per-user API keys for notebooks and scripts; only their SHA-256 is stored. Known keys are kept in memory until the state changes.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource, StateChanges? changes = null)
{
    private readonly StateMemo<string, ConsoleUser> _users = new(changes);
    private const string KeyPrefix = "sbx_";

    /// <returns>The new key's id and the key itself, which is never readable again.</returns>
    public async Task<(ApiKeyInfo Info, string Key)> CreateAsync(int userId, CancellationToken ct = default)
    {
        var key = KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var prefix = key[..10];
        await using var command = dataSource.CreateCommand(
            "insert into console.api_keys (user_id, key_hash, prefix) values ($1, $2, $3) returning id, created_at");
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = Hash(key) });
        command.Parameters.Add(new() { Value = prefix });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (new ApiKeyInfo(reader.GetInt32(0), prefix, reader.GetFieldValue<DateTimeOffset>(1)), key);
    }

    public async Task<ConsoleUser?> FindUserAsync(string key, CancellationToken ct = default)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal)) return null;
        var hash = Hash(key);
        return await _users.GetAsync(Convert.ToHexString(hash), read => ReadUserAsync(hash, read), ct);
    }

    private async Task<ConsoleUser?> ReadUserAsync(byte[] hash, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            select u.id, u.name, u.role from console.api_keys k join console.users u on u.id = k.user_id
            where k.key_hash = $1 and k.revoked_at is null
            """);
        command.Parameters.Add(new() { Value = hash });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new ConsoleUser(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(int userId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select id, prefix, created_at from console.api_keys where user_id = $1 and revoked_at is null order by id");
        command.Parameters.Add(new() { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKeyInfo>();
        while (await reader.ReadAsync(ct)) keys.Add(new(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        return keys;
    }

    /// <returns>False when the user has no such live key.</returns>
    public async Task<bool> RevokeAsync(int userId, int keyId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "update console.api_keys set revoked_at = now() where id = $1 and user_id = $2 and revoked_at is null");
        command.Parameters.Add(new() { Value = keyId });
        command.Parameters.Add(new() { Value = userId });
        var revoked = await command.ExecuteNonQueryAsync(ct) == 1;
        changes?.Changed();
        return revoked;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
