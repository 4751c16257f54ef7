namespace Sandbox.Redshift.Copy;

/// <summary>One rejected line, in stl_load_errors' terms (Redshift's load error codes, nearest match).</summary>
internal sealed record LoadError(string FileName, long LineNumber, string ColumnName, string ColumnType, string RawLine,
    string RawFieldValue, int Code, string Reason)
{
    public const int InvalidDigit = 1207, FloatFormat = 1208, DateFormat = 1205, TimestampFormat = 1206, BooleanFormat = 1210,
        LengthExceeded = 1204, NotNullEmpty = 1213, ExtraColumns = 1202, DelimiterNotFound = 1214, InvalidLine = 1216,
        InvalidUtf8 = 1220, ObjectMissing = 1212, S3Failure = 8001;
}

/// <summary>A field that cannot be loaded into its column: the reason and code, before the line is known.</summary>
internal readonly record struct FieldError(int Code, string Reason);
