using System.Buffers;

namespace Sandbox.Redshift.Protocol;

/// <summary>Parse(name, sql, parameter types): the parameter types are kept as raw bytes for re-encoding.</summary>
internal readonly record struct ParseMessage(string Statement, string Sql, ReadOnlySequence<byte> ParameterTypes);

/// <summary>Decoders of the client messages the front looks into (bodies without the 5-byte header).</summary>
internal static class FrontendMessages
{
    public static string ReadQuery(in ReadOnlySequence<byte> body) => new MessageBody(body).ReadCString();

    public static ParseMessage ReadParse(in ReadOnlySequence<byte> body)
    {
        var reader = new MessageBody(body);
        var statement = reader.ReadCString();
        var sql = reader.ReadCString();
        return new ParseMessage(statement, sql, reader.Rest);
    }

    /// <returns>The portal the Bind creates and the prepared statement it binds.</returns>
    public static (string Portal, string Statement) ReadBind(in ReadOnlySequence<byte> body)
    {
        var reader = new MessageBody(body);
        var portal = reader.ReadCString();
        return (portal, reader.ReadCString());
    }

    public static string ReadExecutePortal(in ReadOnlySequence<byte> body) => new MessageBody(body).ReadCString();

    /// <returns>'S' (statement) or 'P' (portal) and the name, for Describe and Close.</returns>
    public static (byte Target, string Name) ReadTarget(in ReadOnlySequence<byte> body)
    {
        var reader = new MessageBody(body);
        var target = reader.ReadByte();
        return (target, reader.ReadCString());
    }
}
