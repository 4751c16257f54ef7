using MySqlConnector;

namespace Sandbox.Sync.Source;

/// <summary>A column of what the source query returns, as MySqlConnector describes it.</summary>
public sealed record SourceColumn(string Name, int Ordinal, MySqlDbType Type, string TypeName, int Size, int Precision, int Scale)
{
    public override string ToString() => $"{Name} {Describe()}";

    /// <summary>The MySQL type as a person would write it (varchar(64), decimal(10,2), int unsigned).</summary>
    public string Describe() => Type switch
    {
        MySqlDbType.VarChar or MySqlDbType.VarString or MySqlDbType.String => $"{TypeName.ToLowerInvariant()}({Size})",
        MySqlDbType.Decimal or MySqlDbType.NewDecimal => $"decimal({Precision},{Scale})",
        _ => TypeName.ToLowerInvariant(),
    };
}

/// <summary>What a source returns and, for a table, its primary key (in key order) and the columns that allow NULL.</summary>
public sealed record SourceShape(IReadOnlyList<SourceColumn> Columns, IReadOnlyList<string> PrimaryKey, IReadOnlySet<string> Nullable);
