using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Sandbox.DynamoDb.Server.Tests.Support;

/// <summary>
/// Writes an items.log as engines before items.db did: frames [payload length u32][crc32 u32][op: 1 put | 2 delete][DynamoDB JSON],
/// written here independently of the server's reader so the import is checked against the format, not against itself.
/// </summary>
public sealed class LegacyLogWriter(string path)
{
    public void Put(Dictionary<string, AttributeValue> item) => Frame(1, item);

    public void Delete(Dictionary<string, AttributeValue> key) => Frame(2, key);

    /// <summary>A frame whose header promises more bytes than follow (a write cut short).</summary>
    public void Torn()
    {
        using var file = new FileStream(path, FileMode.Append);
        file.Write([200, 0, 0, 0, 1, 2, 3, 4, 1, (byte)'{']);
    }

    private void Frame(byte op, Dictionary<string, AttributeValue> item)
    {
        var json = "{" + string.Join(",", item.Select(kv => $"\"{kv.Key}\":" + (kv.Value.S is { } s ? $"{{\"S\":\"{s}\"}}" : $"{{\"N\":\"{kv.Value.N}\"}}"))) + "}";
        var payload = new[] { op }.Concat(Encoding.UTF8.GetBytes(json)).ToArray();
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), Crc32.HashToUInt32(payload));
        using var file = new FileStream(path, FileMode.Append);
        file.Write(header);
        file.Write(payload);
    }
}
