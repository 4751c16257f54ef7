namespace Sandbox.Lake.Tables;

/// <summary>A column with an explicit DuckDB type: read_json_auto would leave "...Z" timestamps as VARCHAR (docs/FACTS-LOCAL.md).</summary>
public sealed record LakeColumn(string Name, string DuckDbType)
{
    public string Quoted => $"\"{Name.Replace("\"", "\"\"")}\"";
}
