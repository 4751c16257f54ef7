using System.Text.RegularExpressions;

namespace Sandbox.Sync.Target;

public enum TypeChangeKind
{
    /// <summary>The target column holds every source value as it is.</summary>
    Fits,
    /// <summary>The target column must grow first (ALTER COLUMN TYPE to the source's type).</summary>
    Widen,
    /// <summary>Values of the new source type do not fit the target's: the run stops.</summary>
    Incompatible,
}

/// <summary>
/// Whether an existing target column can take the source column's (new) type: a longer varchar, a
/// wider integer or numeric, text for varchar are widenings the sync applies; anything else is a
/// change someone has to decide about.
/// </summary>
public static partial class TypeChange
{
    public static TypeChangeKind Classify(string targetSql, string sourceSql)
    {
        if (targetSql == sourceSql) return TypeChangeKind.Fits;
        var (target, source) = (Parse(targetSql), Parse(sourceSql));
        if (target.Family != source.Family || target.Family == "other") return TypeChangeKind.Incompatible;
        if (target.Family == "numeric" && target.Scale != source.Scale) return TypeChangeKind.Incompatible;
        return source.Width <= target.Width ? TypeChangeKind.Fits : TypeChangeKind.Widen;
    }

    // Width orders the types of one family; text and unbounded numeric are the widest.
    private static (string Family, long Width, int Scale) Parse(string sql)
    {
        switch (sql)
        {
            case "smallint": return ("integer", 2, 0);
            case "integer": return ("integer", 4, 0);
            case "bigint": return ("integer", 8, 0);
            case "real": return ("float", 4, 0);
            case "double precision": return ("float", 8, 0);
            case "text": return ("text", long.MaxValue, 0);
        }
        if (VarcharPattern().Match(sql) is { Success: true } varchar) return ("text", long.Parse(varchar.Groups[1].Value), 0);
        if (NumericPattern().Match(sql) is { Success: true } numeric)
        {
            var (precision, scale) = (int.Parse(numeric.Groups[1].Value), int.Parse(numeric.Groups[2].Value));
            // numeric(20,0) is where unsigned bigint goes: integers widen into it.
            return scale == 0 && precision <= 20 && precision > 18 ? ("integer", precision, 0) : ("numeric", precision, scale);
        }
        return ("other", 0, 0);
    }

    [GeneratedRegex(@"^character varying\((\d+)\)$")]
    private static partial Regex VarcharPattern();

    [GeneratedRegex(@"^numeric\((\d+),(\d+)\)$")]
    private static partial Regex NumericPattern();
}
