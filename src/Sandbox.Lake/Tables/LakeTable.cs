using System.Globalization;
using System.Text.RegularExpressions;
using Sandbox.Lake.Partitions;

namespace Sandbox.Lake.Tables;

/// <summary>
/// A table over one archive prefix, Athena-style: objects under <see cref="Prefix"/> laid out as
/// <c>YYYY/MM/DD/HH/&lt;name&gt;.gz</c> (Firehose's default, UTC arrival), gzip JSON lines.
/// The key's folders become the partition columns <c>dt</c> ('YYYY-MM-DD') and <c>hour</c> (0-23).
/// </summary>
public sealed class LakeTable
{
    public const string DtColumn = "dt";
    public const string HourColumn = "hour";
    private readonly Regex _keyPattern;

    /// <param name="distinct">Null: the view shows every archived record. Otherwise the view keeps one row per key and
    /// <c>&lt;name&gt;_raw</c> shows every record (see <see cref="Sql.DistinctViews"/>).</param>
    public LakeTable(string name, string prefix, IReadOnlyList<LakeColumn> columns, DistinctBy? distinct = null)
    {
        if (!Regex.IsMatch(name, "^[a-z_][a-z0-9_]*$"))
            throw new ArgumentException($"lake table name '{name}' must be lower-case letters, digits and '_'", nameof(name));
        if (columns.Any(c => c.Name is DtColumn or HourColumn))
            throw new ArgumentException($"lake table '{name}': '{DtColumn}' and '{HourColumn}' are the partition columns", nameof(columns));
        var known = columns.Select(c => c.Name).Append(DtColumn).Append(HourColumn).ToHashSet(StringComparer.Ordinal);
        if (distinct is not null && distinct.FirstBy.Prepend(distinct.Key).FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            throw new ArgumentException($"lake table '{name}': distinct-by column '{unknown}' is not one of its columns", nameof(distinct));
        Name = name;
        Prefix = prefix;
        Columns = columns;
        Distinct = distinct;
        _keyPattern = new Regex("^" + Regex.Escape(prefix) + @"(?<y>\d{4})/(?<m>\d{2})/(?<d>\d{2})/(?<h>\d{2})/[^/]+\.gz$", RegexOptions.CultureInvariant);
    }

    public string Name { get; }
    public string Prefix { get; }
    public IReadOnlyList<LakeColumn> Columns { get; }

    /// <summary>One row per key in the view (the archive is at-least-once), or null for every record.</summary>
    public DistinctBy? Distinct { get; }

    /// <summary>The view over every archived record: the table's own name, or <c>&lt;name&gt;_raw</c> when the table is distinct.</summary>
    public string RawName => Distinct is null ? Name : $"{Name}_raw";

    /// <summary>The partition an object key belongs to, or null when the key is not this table's (another prefix, another layout).</summary>
    public HourPartition? PartitionOf(string key)
    {
        var match = _keyPattern.Match(key);
        if (!match.Success) return null;
        var text = $"{match.Groups["y"].Value}-{match.Groups["m"].Value}-{match.Groups["d"].Value}";
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) && hour < 24
            ? new HourPartition(dt, hour)
            : null;
    }
}
