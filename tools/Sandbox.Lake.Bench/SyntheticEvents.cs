using DuckDB.NET.Data;

namespace Sandbox.Lake.Bench;

/// <summary>
/// Deterministic synthetic events in a native DuckDB table (the baseline), built once per size and
/// kept: actors, a step mix that lets the funnel progress, JSON properties of realistic size.
/// </summary>
internal static class SyntheticEvents
{
    public static readonly string[] FunnelSteps = ["search_product", "view_product", "add_to_cart", "purchase"];

    public static void EnsureTable(DuckDBConnection duck, long events, int days, DateOnly from)
    {
        using var exists = duck.CreateCommand();
        exists.CommandText = "select count(*) from information_schema.tables where table_name = 'events'";
        if (Convert.ToInt64(exists.ExecuteScalar()) == 1) return;
        using var create = duck.CreateCommand();
        // Names weighted so each step is rarer than the one before; the rest are other events.
        create.CommandText = $"""
            create table events as
            select 'e-' || n as event_id,
                   (['app_open','screen_view','screen_view','search_product','search_product','view_product','view_product','add_to_cart','purchase','click_product_link'])[1 + (hash(n, 3) % 10)::bigint] as event_name,
                   'u-' || ((hash(n, 1) % 200000)::bigint) as user_id, 'a-' || ((hash(n, 1) % 200000)::bigint) as anonymous_id, 's-' || ((hash(n, 4) % 2000000)::bigint) as session_id,
                   timestamptz '{from:yyyy-MM-dd} 00:00:00+00' + to_milliseconds((hash(n, 2) % {days * 86_400_000L})::bigint) as event_time,
                   event_time + interval 1 second as received_at,
                   (['ios','android'])[1 + (hash(n, 1) % 2)::bigint] as platform, '17.' || ((hash(n, 1) % 5)::bigint) as os_version,
                   (['iPhone15,2','Pixel 8','SC-51D','iPhone14,5'])[1 + (hash(n, 1) % 4)::bigint] as device_model,
                   (['3.1.0','3.2.0','3.2.1'])[1 + (hash(n, 5) % 3)::bigint] as app_version, 'ja_JP' as locale,
                   json_object('product_id', 'p-' || ((hash(n, 6) % 50000)::bigint), 'query', 'query ' || ((hash(n, 7) % 10000)::bigint), 'position', (hash(n, 8) % 50)::bigint, 'screen', 'home') as properties
            from range({events}) t(n)
            """;
        create.ExecuteNonQuery();
    }
}
