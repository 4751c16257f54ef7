namespace Sandbox.Redshift.Copy;

/// <summary>A column of the COPY's target table, from the catalog probe run in the client's own session.</summary>
/// <param name="TypeName">pg_type.typname (int4, varchar, timestamptz, jsonb...).</param>
/// <param name="Category">pg_type.typcategory: N numeric, S string, D date/time, B boolean, U user (jsonb)...</param>
/// <param name="MaxLength">Declared length of varchar(n)/char(n), else -1.</param>
/// <param name="Generated">Identity or generated: never loaded unless named in the column list.</param>
/// <param name="Default">The column's DEFAULT expression as PostgreSQL prints it (pg_get_expr), or null.</param>
internal sealed partial record TargetColumn(string Name, string TypeName, char Category, int MaxLength, bool NotNull, bool Generated, long TableOid,
    string? Default = null)
{
    /// <summary>Columns, types and the table's oid; resolves the name as PostgreSQL would (search_path, temporary tables).</summary>
    public static string ProbeSql(string table) => $"""
        select a.attname, t.typname, t.typcategory,
               case when t.typname in ('varchar', 'bpchar') and a.atttypmod > 4 then a.atttypmod - 4 else -1 end,
               a.attnotnull, a.attidentity <> '' or a.attgenerated <> '', a.attrelid::int8, pg_get_expr(d.adbin, d.adrelid)
        from pg_attribute a join pg_type t on t.oid = a.atttypid
        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attrelid = to_regclass('{table.Replace("'", "''")}') and a.attnum > 0 and not a.attisdropped
        order by a.attnum
        """;

    public static TargetColumn FromRow(IReadOnlyList<string?> row) => new(
        row[0]!, row[1]!, row[2]![0], int.Parse(row[3]!, System.Globalization.CultureInfo.InvariantCulture),
        row[4] == "t", row[5] == "t", long.Parse(row[6]!, System.Globalization.CultureInfo.InvariantCulture), row.Count > 7 ? row[7] : null);

    /// <summary>
    /// The DEFAULT's value when it is a constant (<c>'{}'::jsonb</c>, <c>'n/a'::text</c>): what a JSON record without the
    /// key loads into a NOT NULL column (Redshift evaluates a DEFAULT once per COPY, so a constant is all it can be
    /// relied on to give). Null for no default or an expression (now(), nextval(...)).
    /// </summary>
    public string? ConstantDefault => Default is not null && ConstantLiteral().Match(Default) is { Success: true } m
        ? m.Groups[1].Value.Replace("''", "'") : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^'((?:[^']|'')*)'(?:::[a-z_ ]+(?:\(\d+\))?)?$")]
    private static partial System.Text.RegularExpressions.Regex ConstantLiteral();

    public string RedshiftType => TypeName switch
    {
        "int2" => "int2", "int4" => "int4", "int8" => "int8", "numeric" => "numeric", "float4" => "float4", "float8" => "float8",
        "varchar" => "varchar", "bpchar" => "char", "text" => "varchar", "bool" => "bool", "date" => "date",
        "timestamp" => "timestamp", "timestamptz" => "timestamptz", "jsonb" or "json" => "super", _ => TypeName,
    };
}
