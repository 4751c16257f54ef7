using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Sandbox.Redshift.Protocol;

/// <summary>Encodes the few messages the front writes itself (rewritten statements, its own errors).</summary>
internal static class MessageWriter
{
    public static readonly byte[] SslRefused = [(byte)'N'];
    public static readonly byte[] Terminate = [FrontendCode.Terminate, 0, 0, 0, 4];
    public static readonly byte[] CopyDone = [FrontendCode.CopyDone, 0, 0, 0, 4];

    public static byte[] CommandComplete(string tag) => Message(BackendCode.CommandComplete, Encoding.UTF8.GetByteCount(tag) + 1, span =>
    {
        var written = Encoding.UTF8.GetBytes(tag, span);
        span[written] = 0;
    });

    public static byte[] Query(string sql) => Message(FrontendCode.Query, Encoding.UTF8.GetByteCount(sql) + 1, span =>
    {
        var written = Encoding.UTF8.GetBytes(sql, span);
        span[written] = 0;
    });

    public static byte[] Parse(string statement, string sql, in ReadOnlySequence<byte> parameterTypes) => Parse(statement, sql, parameterTypes.ToArray());

    public static byte[] Parse(string statement, string sql, byte[] types)
    {
        var nameLength = Encoding.UTF8.GetByteCount(statement);
        var sqlLength = Encoding.UTF8.GetByteCount(sql);
        return Message(FrontendCode.Parse, nameLength + 1 + sqlLength + 1 + types.Length, span =>
        {
            Encoding.UTF8.GetBytes(statement, span);
            span[nameLength] = 0;
            Encoding.UTF8.GetBytes(sql, span[(nameLength + 1)..]);
            span[nameLength + 1 + sqlLength] = 0;
            types.CopyTo(span[(nameLength + sqlLength + 2)..]);
        });
    }

    public static byte[] CopyFail(string reason) => Message(FrontendCode.CopyFail, Encoding.UTF8.GetByteCount(reason) + 1, span =>
    {
        var written = Encoding.UTF8.GetBytes(reason, span);
        span[written] = 0;
    });

    /// <param name="position">1-based character position in the statement's text, or 0 for none.</param>
    public static byte[] ErrorResponse(string severity, string sqlState, string message, int position = 0)
    {
        var fields = new List<(byte Code, string Value)> { ((byte)'S', severity), ((byte)'V', severity), ((byte)'C', sqlState), ((byte)'M', message) };
        if (position > 0) fields.Add(((byte)'P', position.ToString(CultureInfo.InvariantCulture)));
        var length = fields.Sum(f => 1 + Encoding.UTF8.GetByteCount(f.Value) + 1) + 1;
        return Message(BackendCode.ErrorResponse, length, span =>
        {
            var at = 0;
            foreach (var (code, value) in fields)
            {
                span[at++] = code;
                at += Encoding.UTF8.GetBytes(value, span[at..]);
                span[at++] = 0;
            }
            span[at] = 0;
        });
    }

    private static byte[] Message(byte code, int bodyLength, SpanAction body)
    {
        var message = new byte[MessageHeader.Size + bodyLength];
        message[0] = code;
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(1), bodyLength + 4);
        body(message.AsSpan(MessageHeader.Size));
        return message;
    }

    private delegate void SpanAction(Span<byte> body);
}
