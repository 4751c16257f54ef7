using DuckDB.NET.Data;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;

namespace Sandbox.ReleaseCheck.Tests.Support;

/// <summary>
/// Generated days around a release, written as plain hourly files and read into an in-memory DuckDB
/// <c>events</c> table with the warehouse's columns (DuckDB reads JSON lines far faster than we parse them).
/// </summary>
public sealed class GeneratedRelease : IDisposable
{
    public const string Version = "5.11.0";
    public const string Previous = "5.10.0";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sandbox-release-" + Guid.NewGuid().ToString("N")[..12]);

    public GeneratedRelease(GeneratorConfig config)
    {
        Config = config;
        // Gzip'd, and gone once loaded: the demo's volume is ~430 MB a million events as plain lines.
        (Manifest, _) = FileGeneration.Run(config with { Gzip = true }, _folder, threads: 2, overwrite: false, TrackingPlanLoader.LoadEmbedded());
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        using var load = Connection.CreateCommand();
        load.CommandText = $"""
            create table events as
            select event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, os_version,
                   device_model, app_version, locale, properties
            from read_json('{_folder}/app-*/*.log.gz', format = 'newline_delimited', compression = 'gzip', columns = {Columns})
            """;
        load.ExecuteNonQuery();
        Directory.Delete(_folder, recursive: true);
    }

    public GeneratorConfig Config { get; }
    public GenerationTruth Manifest { get; }
    public DuckDBConnection Connection { get; }

    /// <summary>
    /// The demo's daily traffic (tools/demo.sh: 500k events a day from a pool of 100k users, seed 42) over
    /// <paramref name="days"/> days ending 2026-11-01, with a release on the second day, optionally with an effect.
    /// </summary>
    public static GeneratorConfig DemoVolume(ReleaseEffect? effect, int days, ulong seed = 42)
    {
        var to = new DateOnly(2026, 11, 1);
        var from = to.AddDays(1 - days);
        return new GeneratorConfig
        {
            From = from,
            To = to,
            Users = 100_000,
            EventsPerDay = 500_000,
            Seed = seed,
            Behaviour = new BehaviourConfig { Releases = [new ReleaseDefinition(Version, from.AddDays(1), effect)] },
        };
    }

    private const string Columns =
        "{event_id: 'VARCHAR', event_name: 'VARCHAR', user_id: 'VARCHAR', anonymous_id: 'VARCHAR', session_id: 'VARCHAR', " +
        "event_time: 'TIMESTAMPTZ', received_at: 'TIMESTAMPTZ', platform: 'VARCHAR', os_version: 'VARCHAR', device_model: 'VARCHAR', " +
        "app_version: 'VARCHAR', locale: 'VARCHAR', properties: 'JSON'}";

    public void Dispose()
    {
        Connection.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
