using System.Buffers.Binary;
using System.Numerics;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>CRC-32C with the CPU's crc32 instruction, to spot torn or corrupt frames on reopen.</summary>
public static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        while (bytes.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[8..];
        }
        foreach (var b in bytes) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}
