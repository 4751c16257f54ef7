using Sandbox.Lake.Tables;

namespace Sandbox.Lake.Sql;

/// <summary>read_json over gzip JSON lines with the table's EXPLICIT column types (read_json_auto would keep "...Z" as VARCHAR).</summary>
public static class JsonScan
{
    public static string Of(LakeTable table, IReadOnlyList<string> files, bool withFileName = false)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"{SqlText.Literal(c.Name)}: {SqlText.Literal(c.DuckDbType)}"));
        var fileName = withFileName ? ", filename = true" : "";
        return $"read_json({SqlText.List(files)}, format = 'newline_delimited', compression = 'gzip', columns = {{{columns}}}{fileName})";
    }
}
