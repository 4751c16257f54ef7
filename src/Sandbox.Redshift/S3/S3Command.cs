using Sandbox.Redshift.Dialect;

namespace Sandbox.Redshift.S3;

public enum CopyFormat { Delimited, Csv, Json }

/// <summary>`COPY table [(columns)] FROM 's3://...' options` as Redshift reads it (see README, "COPY").</summary>
public sealed record CopyCommand(string Table, IReadOnlyList<string> Columns, S3Url Source)
{
    public bool Manifest { get; init; }
    public CopyFormat Format { get; init; } = CopyFormat.Delimited;
    /// <summary>For JSON: null for 'auto', else the s3:// URL of a JSONPaths file.</summary>
    public S3Url? JsonPaths { get; init; }
    public bool IgnoreCase { get; init; }
    public char Delimiter { get; init; } = '|';
    public char Quote { get; init; } = '"';
    public bool Gzip { get; init; }
    public long IgnoreHeader { get; init; }
    public long MaxError { get; init; }
    public string TimeFormat { get; init; } = "auto";
    public string DateFormat { get; init; } = "auto";
    /// <summary>The replacement for invalid UTF-8 when ACCEPTINVCHARS is given, else null.</summary>
    public string? AcceptInvChars { get; init; }
    public bool TruncateColumns { get; init; }
    public bool EmptyAsNull { get; init; }
    public bool BlanksAsNull { get; init; }
    public string? NullAs { get; init; }
}

/// <summary>`UNLOAD ('select ...') TO 's3://prefix' options`.</summary>
public sealed record UnloadCommand(string Query, S3Url Prefix)
{
    public bool Gzip { get; init; }
    public bool Parallel { get; init; } = true;
    public bool Manifest { get; init; }
    public bool ManifestVerbose { get; init; }
    public bool Header { get; init; }
    public bool Csv { get; init; }
    public char Delimiter { get; init; } = '|';
    public bool AllowOverwrite { get; init; }
    public string? NullAs { get; init; }
    public long MaxFileSize { get; init; } = 6_200_000_000; // Redshift's default, 6.2 GB
}

/// <summary>What the parser found: a COPY or UNLOAD against S3, or an error naming what is wrong.</summary>
public sealed record S3Statement(CopyCommand? Copy, UnloadCommand? Unload, DialectError? Error);
