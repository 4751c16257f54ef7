using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Json;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Storage;

/// <summary>
/// The items.log of engines before items.db: frames [payload length u32][crc32 u32][payload], payload =
/// op byte (1 put, 2 delete) + the item (or key) as DynamoDB JSON. Read once to import a table; a torn
/// or corrupt tail (what a kill in mid-write leaves) ends the replay with a warning.
/// </summary>
internal static class LegacyLog
{
    public const string FileName = "items.log";
    public const byte Put = 1, Delete = 2;
    private const int HeaderBytes = 8;

    /// <summary>Every intact frame of the log in <paramref name="folder"/> as a change, in write order.</summary>
    public static IEnumerable<Change> Replay(string folder, TableSchema schema, Action<string> warn)
    {
        var path = Path.Combine(folder, FileName);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var length = stream.Length;
        long offset = 0;
        var header = new byte[HeaderBytes];
        while (offset + HeaderBytes <= length)
        {
            stream.ReadExactly(header);
            var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(header);
            if (payloadLength == 0 || offset + HeaderBytes + payloadLength > length) break;
            var payload = new byte[payloadLength];
            stream.ReadExactly(payload);
            if (Crc32.HashToUInt32(payload) != BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)) || payload[0] is not (Put or Delete)) break;
            yield return ChangeOf(payload, schema);
            offset += HeaderBytes + payloadLength;
        }
        if (offset < length) warn($"{path}: ignored {length - offset} bytes of a torn or corrupt last write at offset {offset}");
    }

    private static Change ChangeOf(byte[] payload, TableSchema schema)
    {
        var reader = new Utf8JsonReader(payload.AsSpan(1));
        reader.Read();
        var map = AttributeValueJson.ReadMap(ref reader);
        return payload[0] == Put ? new Change(schema.KeyOfItem(map), map) : new Change(schema.KeyOfKey(map), null);
    }
}
