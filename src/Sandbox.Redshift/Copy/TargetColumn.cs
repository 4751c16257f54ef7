namespace Sandbox.Redshift.Copy;

/// <summary>A column of the COPY's target table, from the catalog probe run in the client's own session.</summary>
/// <param name="TypeName">pg_type.typname (int4, varchar, timestamptz, jsonb...).</param>
/// <param name="Category">pg_type.typcategory: N numeric, S string, D date/time, B boolean, U user (jsonb)...</param>
/// <param name="MaxLength">Declared length of varchar(n)/char(n), else -1.</param>
/// <param name="Generated">Identity or generated: never loaded unless named in the column list.</param>
internal sealed record TargetColumn(string Name, string TypeName, char Category, int MaxLength, bool NotNull, bool Generated, long TableOid)
{
    /// <summary>Columns, types and the table's oid; resolves the name as PostgreSQL would (search_path, temporary tables).</summary>
    public static string ProbeSql(string table) => $"""
        select a.attname, t.typname, t.typcategory,
               case when t.typname in ('varchar', 'bpchar') and a.atttypmod > 4 then a.atttypmod - 4 else -1 end,
               a.attnotnull, a.attidentity <> '' or a.attgenerated <> '', a.attrelid::int8
        from pg_attribute a join pg_type t on t.oid = a.atttypid
        where a.attrelid = to_regclass('{table.Replace("'", "''")}') and a.attnum > 0 and not a.attisdropped
        order by a.attnum
        """;

    public static TargetColumn FromRow(IReadOnlyList<string?> row) => new(
        row[0]!, row[1]!, row[2]![0], int.Parse(row[3]!, System.Globalization.CultureInfo.InvariantCulture),
        row[4] == "t", row[5] == "t", long.Parse(row[6]!, System.Globalization.CultureInfo.InvariantCulture));

    public string RedshiftType => TypeName switch
    {
        "int2" => "int2", "int4" => "int4", "int8" => "int8", "numeric" => "numeric", "float4" => "float4", "float8" => "float8",
        "varchar" => "varchar", "bpchar" => "char", "text" => "varchar", "bool" => "bool", "date" => "date",
        "timestamp" => "timestamp", "timestamptz" => "timestamptz", "jsonb" or "json" => "super", _ => TypeName,
    };
}
