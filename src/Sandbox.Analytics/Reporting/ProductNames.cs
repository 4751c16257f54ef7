using Sandbox.Analytics.Engines;

namespace Sandbox.Analytics.Reporting;

/// <summary>
/// Product and brand names for the report's top products, read from the warehouse's dimension tables
/// app.products and app.brands (filled from the app database by `sandbox sync`). When they are
/// missing or empty the report says so and shows the bare ids instead of failing.
/// </summary>
public sealed record ProductNames(IReadOnlyDictionary<string, (string Product, string? Brand)> Names, string? Note)
{
    public static ProductNames Unavailable(string note) => new(new Dictionary<string, (string, string?)>(), note);

    /// <summary>"pr000123  Brand / Product", or the bare id when the product has no row.</summary>
    public string Label(string productId) => Names.TryGetValue(productId, out var name)
        ? $"{productId}  {(name.Brand is { } brand ? $"{brand} / " : "")}{name.Product}"
        : productId;

    public static async Task<ProductNames> LookUpAsync(IAnalyticsEngine warehouse, IReadOnlyCollection<string> productIds, CancellationToken ct = default)
    {
        var present = await warehouse.QueryAsync(
            "select to_regclass('app.products') is not null and to_regclass('app.brands') is not null", ct);
        if (present[0][0] is not true)
            return Unavailable("product names: the warehouse has no app.products/app.brands yet (run 'sandbox sync' to copy them from the app database)");
        if (productIds.Count == 0) return new(new Dictionary<string, (string, string?)>(), null);
        var rows = await warehouse.QueryAsync(
            "select p.product_id, p.name, b.name from app.products p left join app.brands b on b.brand_id = p.brand_id " +
            $"where p.product_id in ({string.Join(", ", productIds.Select(Literal))})", ct);
        var names = rows.ToDictionary(r => (string)r[0]!, r => ((string)r[1]!, r[2] as string));
        if (names.Count > 0) return new(names, null);
        var anyProduct = await warehouse.QueryAsync("select exists (select 1 from app.products)", ct);
        return Unavailable(anyProduct[0][0] is true
            ? "product names: none of these products is in app.products (sync it again: the app database has newer products)"
            : "product names: app.products is empty (run 'sandbox sync' to copy it from the app database)");
    }

    // Ids come from event payloads: quote them as SQL string literals.
    private static string Literal(string value) => $"'{value.Replace("'", "''")}'";
}
