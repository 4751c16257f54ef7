using Npgsql;
using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Reporting;
using Sandbox.Analytics.Sql;
using Sandbox.Console.Dashboards;
using Sandbox.Console.Queries;
using Sandbox.Console.State;

namespace Sandbox.Console.Starter;

/// <summary>A starter query: its SQL rendered from a Sandbox.Analytics definition, and how to draw it.</summary>
public sealed record StarterQuery(string Name, string Description, string Sql, Visualization Visualization, int Width = 1);

/// <summary>
/// On the console's first start: saved queries and a "KPI" dashboard (DAU/WAU/MAU, daily counters,
/// funnels, retention by install cohort, top searches and products), owned by the seeded admin.
/// Every query is the report's own SQL (KpiReportBuilder's definitions rendered with
/// <see cref="DateParameterDialect"/>), so for the same days its numbers are `sandbox report`'s.
/// </summary>
public sealed class StarterContent(SavedQueryStore queries, VisualizationStore visualizations, DashboardStore dashboards,
    NpgsqlDataSource state, NpgsqlDataSource warehouse, ILogger<StarterContent> log)
{
    public const string DashboardName = "KPI";
    private const string Marker = "kpi";

    public static IReadOnlyList<ParameterDefinition> Parameters(string? from = null, string? to = null) =>
        [new(DateParameterDialect.From, "date", from), new(DateParameterDialect.To, "date", to)];

    public static IReadOnlyList<StarterQuery> Queries()
    {
        var range = DateParameterDialect.Anchors;
        var sql = new DateParameterDialect();
        var starters = new List<StarterQuery>
        {
            new("KPI: DAU / WAU / MAU", "Distinct installs active on the day, in the 7 and the 30 days up to it (sandbox report's active users).",
                ActiveUsersSql.Render(range, sql), new("line", "day", ["dau", "wau", "mau"]), Width: 2),
            new("KPI: daily events and counters", "Events, DAU and the named counters per UTC day (sandbox report's daily table).",
                KpiSql.Daily(new KpiDefinition(range), sql),
                new("line", "day", ["dau", .. KpiDefinition.Counters.Select(c => c.Name)]), Width: 2),
        };
        foreach (var funnel in KpiReportBuilder.GeneratorFunnels(Generator.Config.FunnelDefinition.Defaults, range))
            starters.Add(new($"KPI: {funnel.Name} funnel", $"Users per start day reaching each step: {string.Join(" → ", funnel.Steps)}.",
                FunnelSql.Render(funnel, sql),
                new("funnel", Y: funnel.Steps.Select((_, k) => $"c{k}").ToList(),
                    Labels: funnel.Steps.Select((step, k) => (step, k)).ToDictionary(s => $"c{s.k}", s => s.step))));
        starters.Add(new("KPI: retention by install cohort", "Share of each day's installs active again N days later (day 1 = day-1 retention).",
            RetentionSql.Render(KpiReportBuilder.Retention(range), sql), new("cohort", "cohort", ["users"], "age"), Width: 2));
        starters.Add(Top("KPI: top searches", "Most frequent search queries.", KpiReportBuilder.TopSearches(range), sql));
        starters.Add(Top("KPI: top searched products", "Products opened from search results most often.", KpiReportBuilder.TopSearchedProducts(range), sql));
        starters.Add(Top("KPI: top clicked products", "Products whose shop links were clicked most.", KpiReportBuilder.TopClickedProducts(range), sql));
        return starters;
    }

    private static StarterQuery Top(string name, string description, TopValuesDefinition top, SqlDialect sql) =>
        new(name, description, KpiSql.TopValues(top, sql), new("bar", "value", ["n"]));

    /// <summary>
    /// Makes the content once: the marker row is inserted in a transaction held open until the
    /// content is made (a second console starting at once waits on it, then finds it). The content is
    /// written through the stores, so a crash part-way leaves what was made and no marker; the next
    /// start finds those by their natural keys (the admin's dashboard "KPI", the admin's queries by
    /// name, a widget per query) and adds only what is missing. Nothing when the admin account is missing.
    /// </summary>
    public async Task MakeAsync(CancellationToken ct = default)
    {
        await using var connection = await state.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var claim = new NpgsqlCommand(
            "insert into console.starter_content (name) values ($1) on conflict do nothing", connection, transaction))
        {
            claim.Parameters.Add(new() { Value = Marker });
            if (await claim.ExecuteNonQueryAsync(ct) == 0) return;
        }
        var admin = await AdminAsync(connection, transaction, ct);
        if (admin is null) { log.LogWarning("no admin account: the starter KPI dashboard is not made"); return; }

        var (from, to) = await DefaultDaysAsync(ct);
        var dashboard = await EnsureAsync(admin, Queries(), from, to, ct);
        await transaction.CommitAsync(ct);
        log.LogInformation("made the starter KPI dashboard {Permalink} ({From} .. {To})", dashboard.Permalink, from ?? "no default", to ?? "no default");
    }

    /// <summary>The dashboard with a query, visualization and widget per starter, reusing those an interrupted start made.</summary>
    internal async Task<Dashboard> EnsureAsync(ConsoleUser admin, IEnumerable<StarterQuery> starters, string? from, string? to, CancellationToken ct)
    {
        var dashboard = (await dashboards.ListAsync(ct)).FirstOrDefault(d => d.OwnerId == admin.Id && d.Name == DashboardName)
            ?? await dashboards.CreateAsync(admin, new DashboardDraft(DashboardName, Parameters(from, to), null), ct);
        var made = (await queries.VisibleToAsync(admin, ct)).Where(q => q.OwnerId == admin.Id)
            .GroupBy(q => q.Name).ToDictionary(g => g.Key, g => g.MinBy(q => q.Id)!);
        var dateMap = new Dictionary<string, string> { [DateParameterDialect.From] = DateParameterDialect.From, [DateParameterDialect.To] = DateParameterDialect.To };
        foreach (var starter in starters)
        {
            var query = made.GetValueOrDefault(starter.Name)
                ?? await queries.CreateAsync(admin, new SavedQueryDraft(starter.Name, starter.Description, starter.Sql, Parameters(from, to), false), ct);
            await visualizations.SaveAsync(query.Id, starter.Visualization, ct);
            if (!dashboard.Widgets.Any(w => w.QueryId == query.Id))
                await dashboards.AddWidgetAsync(dashboard.Id, query, starter.Width, dateMap, ct);
        }
        return dashboard;
    }

    private static async Task<ConsoleUser?> AdminAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select id, name, role from console.users where name = 'admin' and role = 'admin'", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new ConsoleUser(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>The last 7 days with events (as the warehouse has them now), or no default while it is empty or unreachable.</summary>
    private async Task<(string? From, string? To)> DefaultDaysAsync(CancellationToken ct)
    {
        try
        {
            await using var command = warehouse.CreateCommand(
                "select min(event_time at time zone 'UTC')::date, max(event_time at time zone 'UTC')::date from events");
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct) || reader.IsDBNull(1)) return (null, null);
            var last = reader.GetFieldValue<DateOnly>(1);
            var first = reader.GetFieldValue<DateOnly>(0);
            var from = last.AddDays(-6) < first ? first : last.AddDays(-6);
            return (from.ToString("yyyy-MM-dd"), last.ToString("yyyy-MM-dd"));
        }
        catch (PostgresException error)
        {
            log.LogWarning("the KPI dashboard gets no default days: the warehouse said {Message}", error.MessageText);
            return (null, null);
        }
    }
}
