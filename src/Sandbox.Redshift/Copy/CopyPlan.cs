using Sandbox.Redshift.S3;

namespace Sandbox.Redshift.Copy;

/// <summary>An S3 object to load, as listed by the manifest or the prefix.</summary>
/// <param name="KnownSize">Bytes the object holds at least: the manifest's content_length, or its size in the prefix's listing.</param>
internal sealed record SourceObject(S3Url Url, bool Mandatory, long? KnownSize = null);

/// <summary>What the front resolved before starting PostgreSQL's COPY: the objects, the columns, how to read a record.</summary>
internal sealed record CopyPlan(CopyCommand Command, IReadOnlyList<SourceObject> Objects, IReadOnlyList<TargetColumn> Columns,
    IReadOnlyList<JsonPath>? JsonPaths, long TableOid)
{
    /// <summary>The catalog probe failed: PostgreSQL gets the COPY as written and reports why it cannot run.</summary>
    public bool IsUnplanned => Columns.Count == 0;

    public string FileFormat => Command.Format == CopyFormat.Json ? "Json" : "Text";

    /// <summary>Rows go to PostgreSQL in binary COPY format (<see cref="JsonBinaryRows"/>), else in text format.</summary>
    public bool Binary => JsonBinaryRows.Supports(Command, JsonPaths, Columns);

    /// <summary>What PostgreSQL is sent: its own COPY from the client stream, fed by the front.</summary>
    public string BackendSql =>
        $"copy {Command.Table} ({string.Join(", ", Columns.Select(c => Quote(c.Name)))}) from stdin" + (Binary ? " (format binary)" : "");

    public IRecordParser CreateParser() => Command.Format switch
    {
        CopyFormat.Json when JsonPaths is not null => new JsonPathsParser(JsonPaths),
        CopyFormat.Json => new JsonAutoParser(Columns.Select(c => c.Name).ToList(), Command.IgnoreCase),
        CopyFormat.Csv => new CsvParser(Columns.Count, Command.Delimiter, Command.Quote),
        _ => new DelimitedParser(Columns.Count, Command.Delimiter),
    };

    /// <summary>
    /// What a JSON record without column <paramref name="column"/>'s key (or with null) loads when the column is NOT NULL:
    /// its constant DEFAULT (as a column left out of the column list would get), so the row is kept rather than rejected.
    /// Null otherwise (nullable columns load NULL; no constant default rejects the line, as Redshift does).
    /// </summary>
    public string? MissingJsonValue(int column) =>
        Command.Format == CopyFormat.Json && Columns[column].NotNull ? Columns[column].ConstantDefault : null;

    public CopyValueOptions ValueOptions => new(Command.TimeFormat, Command.DateFormat, Command.TruncateColumns,
        Command.EmptyAsNull, Command.BlanksAsNull, Command.NullAs);

    public string FailureMessage => $"Load into table '{Command.Table}' failed.  Check 'stl_load_errors' system table for details.";

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
