using System.Security.Cryptography;
using System.Text;

namespace Sandbox.Console.State;

/// <summary>
/// First start: an admin and an analyst account with generated passwords, written to
/// .sandbox/console-accounts.env (mode 600), never into the repository. Later starts leave accounts alone.
/// </summary>
public sealed class AccountSeeder(UserStore users, string stateDirectory, ILogger<AccountSeeder> log)
{
    public const string FileName = "console-accounts.env";
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public string FilePath => Path.Combine(stateDirectory, FileName);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await users.CountAsync(ct) > 0) return;
        var admin = RandomNumberGenerator.GetString(Alphabet, 24);
        var analyst = RandomNumberGenerator.GetString(Alphabet, 24);
        Directory.CreateDirectory(stateDirectory);
        var temporary = FilePath + ".tmp";
        var text = new StringBuilder()
            .AppendLine("# Written by sandbox-console on its first start: the seeded accounts' passwords (sign in at SANDBOX_CONSOLE_URL).")
            .AppendLine("SANDBOX_CONSOLE_ADMIN=admin").AppendLine($"SANDBOX_CONSOLE_ADMIN_PASSWORD={admin}")
            .AppendLine("SANDBOX_CONSOLE_ANALYST=analyst").AppendLine($"SANDBOX_CONSOLE_ANALYST_PASSWORD={analyst}")
            .ToString();
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var file = new FileStream(temporary, options))
            await file.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await users.CreateAsync("admin", Roles.Admin, admin, ct);
        await users.CreateAsync("analyst", Roles.Analyst, analyst, ct);
        File.Move(temporary, FilePath, overwrite: true);
        log.LogInformation("seeded accounts admin and analyst; passwords in {File}", FilePath);
    }
}
