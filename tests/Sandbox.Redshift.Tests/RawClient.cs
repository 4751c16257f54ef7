using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Sandbox.Redshift.Tests;

/// <summary>
/// The protocol by hand, for what a driver will not do: leave mid-COPY, send raw messages, read the
/// exact messages that come back. Needs a role PostgreSQL trusts (no password exchange).
/// </summary>
internal sealed class RawClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawClient> ConnectAsync(int port, string user, string database)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var client = new RawClient(tcp);
        var parameters = Encoding.UTF8.GetBytes($"user\0{user}\0database\0{database}\0\0");
        var startup = new byte[8 + parameters.Length];
        BinaryPrimitives.WriteInt32BigEndian(startup, startup.Length);
        BinaryPrimitives.WriteInt32BigEndian(startup.AsSpan(4), 3 << 16);
        parameters.CopyTo(startup, 8);
        await client._stream.WriteAsync(startup);
        await client.ReadUntilAsync((byte)'Z');
        return client;
    }

    /// <summary>Sends a simple Query; returns every message up to and including the first of type <paramref name="until"/>.</summary>
    public async Task<List<(byte Code, byte[] Body)>> QueryUntilAsync(string sql, byte until = (byte)'Z')
    {
        await SendAsync((byte)'Q', Encoding.UTF8.GetBytes(sql + "\0"));
        return await ReadUntilAsync(until);
    }

    public Task SendCopyDataAsync(string data) => SendAsync((byte)'d', Encoding.UTF8.GetBytes(data));

    public async Task SendAsync(byte code, byte[] body)
    {
        var message = new byte[5 + body.Length];
        message[0] = code;
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(1), body.Length + 4);
        body.CopyTo(message, 5);
        await _stream.WriteAsync(message);
    }

    public async Task<List<(byte Code, byte[] Body)>> ReadUntilAsync(byte until)
    {
        var messages = new List<(byte, byte[])>();
        var header = new byte[5];
        while (true)
        {
            await _stream.ReadExactlyAsync(header);
            var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1)) - 4];
            await _stream.ReadExactlyAsync(body);
            messages.Add((header[0], body));
            if (header[0] == until) return messages;
        }
    }

    /// <summary>The fields of an ErrorResponse body by their one-letter codes (C, M, P...).</summary>
    public static Dictionary<char, string> ErrorFields(byte[] body) =>
        Encoding.UTF8.GetString(body).Split('\0', StringSplitOptions.RemoveEmptyEntries).ToDictionary(f => f[0], f => f[1..]);

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose(); // abrupt: no Terminate
        return ValueTask.CompletedTask;
    }
}
