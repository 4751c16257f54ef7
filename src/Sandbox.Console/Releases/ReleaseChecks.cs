using Npgsql;
using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.ReleaseCheck;

namespace Sandbox.Console.Releases;

/// <summary>
/// The release check (Sandbox.ReleaseCheck, the same as `sandbox release-check`) on the warehouse as the
/// console's read-only query role.
/// </summary>
public sealed class ReleaseChecks(NpgsqlDataSource warehouse)
{
    /// <summary>Releases the list checks (newest first): each check scans its days, so older ones are checked on their own page.</summary>
    public const int CheckedOnList = 3;

    private AnalyticsQueries Queries => new(new WarehouseEngine(warehouse));

    public Task<IReadOnlyList<RecentRelease>> ListAsync(int days, CancellationToken ct) =>
        ReleaseChecker.NewestChecksAsync(Queries, CheckedOnList, days, ct);

    public Task<ReleaseReport> CheckAsync(string version, int days, CancellationToken ct) =>
        ReleaseChecker.RunAsync(Queries, version, days, ct);

    /// <summary>?days=N as the CLI's --days: a whole number within 1..90, else null with why.</summary>
    public static (int Days, string? Error) ParseDays(string? text)
    {
        if (string.IsNullOrEmpty(text)) return (ReleaseChecker.DefaultDays, null);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 90
            ? (days, null)
            : (0, $"days={text}: give a whole number of days within 1..90");
    }
}
