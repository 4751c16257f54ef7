using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Sandbox.Console.State;

public sealed record ConsoleUser(int Id, string Name, string Role)
{
    public bool IsAdmin => Role == Roles.Admin;
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
}

/// <summary>Local accounts; passwords hashed by ASP.NET Core Identity's PasswordHasher (PBKDF2).</summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    private readonly PasswordHasher<ConsoleUser> _hasher = new();

    public async Task<ConsoleUser> CreateAsync(string name, string role, string password, CancellationToken ct = default)
    {
        if (password.Length < 12) throw new ArgumentException($"the password of '{name}' must have at least 12 characters", nameof(password));
        var hash = _hasher.HashPassword(new ConsoleUser(0, name, role), password);
        await using var command = dataSource.CreateCommand(
            "insert into console.users (name, role, password_hash) values ($1, $2, $3) returning id");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = role });
        command.Parameters.Add(new() { Value = hash });
        return new ConsoleUser((int)(await command.ExecuteScalarAsync(ct))!, name, role);
    }

    /// <returns>The user when the name exists and the password matches; null otherwise (which of the two is not told).</returns>
    public async Task<ConsoleUser?> VerifyAsync(string name, string password, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select id, name, role, password_hash from console.users where name = $1");
        command.Parameters.Add(new() { Value = name });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var user = new ConsoleUser(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
        return _hasher.VerifyHashedPassword(user, reader.GetString(3), password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Every account's name and role (no password hashes), by name.</summary>
    public async Task<IReadOnlyList<ConsoleUser>> ListAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select id, name, role from console.users order by name");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var users = new List<ConsoleUser>();
        while (await reader.ReadAsync(ct)) users.Add(new ConsoleUser(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        return users;
    }

    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select count(*) from console.users");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
