using Sandbox.Lake.Partitions;

namespace Sandbox.Lake.Cli;

/// <summary>One <c>sandbox athena</c> invocation, validated.</summary>
public sealed record AthenaRequest(string Sql, OutputFormat Format, string? OutputFile, PartitionFilter? Partitions, LakeOptions Lake)
{
    public static OutputFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "table" => OutputFormat.Table,
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        "parquet" => OutputFormat.Parquet,
        _ => throw new LakeException($"--out '{text}': expected table, csv, json or parquet"),
    };

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Sql)) throw new LakeException("the SQL is empty");
        if (Format == OutputFormat.Parquet && OutputFile is null) throw new LakeException("--out parquet needs --output <file> (Parquet is binary)");
        if (Format == OutputFormat.Table && OutputFile is not null) throw new LakeException("--output needs --out csv, json or parquet");
    }

    /// <summary>The statement without a trailing ';', so it can sit inside COPY (...).</summary>
    public string Statement => Sql.Trim().TrimEnd(';').TrimEnd();
}

public enum OutputFormat
{
    Table,
    Csv,
    Json,
    Parquet,
}
