using System.Buffers;
using System.Buffers.Binary;

namespace Sandbox.Redshift.Protocol;

/// <summary>
/// The untyped first packet of a connection: length, code, then for a StartupMessage NUL-separated
/// name/value pairs (user, database, options...). <see cref="Bytes"/> is the packet as received, relayed unchanged.
/// </summary>
internal sealed class StartupPacket
{
    private StartupPacket(int code, byte[] bytes, IReadOnlyDictionary<string, string> parameters)
    {
        Code = code;
        Bytes = bytes;
        Parameters = parameters;
    }

    public int Code { get; }
    public byte[] Bytes { get; }
    public IReadOnlyDictionary<string, string> Parameters { get; }
    public bool IsStartupMessage => Code >> 16 == StartupCode.ProtocolMajor;
    public string User => Parameters.GetValueOrDefault("user", "");
    public string Database => Parameters.GetValueOrDefault("database") is { Length: > 0 } database ? database : User;

    /// <summary>Reads one whole packet off the front of the buffer, or returns false when more bytes are needed.</summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, out StartupPacket? packet)
    {
        packet = null;
        if (buffer.Length < 8) return false;
        Span<byte> head = stackalloc byte[8];
        buffer.Slice(0, 8).CopyTo(head);
        var length = BinaryPrimitives.ReadInt32BigEndian(head);
        if (length is < 8 or > StartupCode.MaxPacketLength)
            throw new WireProtocolException($"invalid length of startup packet: {length} bytes");
        if (buffer.Length < length) return false;
        var bytes = buffer.Slice(0, length).ToArray();
        buffer = buffer.Slice(length);
        var code = BinaryPrimitives.ReadInt32BigEndian(head[4..]);
        packet = new StartupPacket(code, bytes, code >> 16 == StartupCode.ProtocolMajor ? ReadParameters(bytes) : new Dictionary<string, string>());
        return true;
    }

    private static Dictionary<string, string> ReadParameters(byte[] bytes)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new MessageBody(new ReadOnlySequence<byte>(bytes, 8, bytes.Length - 8));
        while (true)
        {
            var name = reader.ReadCString();
            if (name.Length == 0) return parameters;
            parameters[name] = reader.ReadCString();
        }
    }
}
