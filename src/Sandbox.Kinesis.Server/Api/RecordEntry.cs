using System.Globalization;
using System.Text;
using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>Checks and routing shared by PutRecord and PutRecords.</summary>
public static class RecordEntry
{
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>Validates one record and returns the hash key that routes it.</summary>
    public static UInt128 Validated(byte[]? data, string? partitionKey, string? explicitHashKey, string memberPrefix)
    {
        var bytes = Validate.Required(data, memberPrefix + "data");
        var key = Validate.Required(partitionKey, memberPrefix + "partitionKey");
        Validate.Length(key, 1, 256, memberPrefix + "partitionKey");
        if (bytes.Length > MaxRecordBytes)
            throw Validate.Failure($"'<{bytes.Length} bytes>'", memberPrefix + "data", $"Member must have length less than or equal to {MaxRecordBytes}");
        if (bytes.Length + Encoding.UTF8.GetByteCount(key) > MaxRecordBytes)
            throw KinesisException.InvalidArgument($"The record at {memberPrefix}data is {bytes.Length} bytes; data plus partition key must not exceed {MaxRecordBytes} bytes (1 MiB).");
        return explicitHashKey is null ? HashKeyRange.FromPartitionKey(key) : ParseExplicitHashKey(explicitHashKey, memberPrefix);
    }

    public static int SizeForQuota(AppendRecord record) => record.Data.Length + Encoding.UTF8.GetByteCount(record.PartitionKey);

    private static UInt128 ParseExplicitHashKey(string value, string memberPrefix)
    {
        var wellFormed = value == "0" || value.Length is >= 1 and <= 39 && value[0] is >= '1' and <= '9' && value.All(char.IsAsciiDigit);
        if (!wellFormed)
            throw Validate.Failure($"'{value}'", memberPrefix + "explicitHashKey", "Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})");
        if (!UInt128.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
            throw KinesisException.InvalidArgument($"Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was {value}");
        return key;
    }
}
