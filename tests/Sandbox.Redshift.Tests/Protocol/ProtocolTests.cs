using System.Buffers;
using System.Text;
using Sandbox.Redshift.Protocol;

namespace Sandbox.Redshift.Tests.Protocol;

public class ProtocolTests
{
    [Theory]
    [InlineData("SELECT 5", 5)]
    [InlineData("INSERT 0 12", 12)]
    [InlineData("COPY 1000000", 1_000_000)]
    [InlineData("CREATE TABLE", 0)]
    [InlineData("BEGIN", 0)]
    public void Row_counts_come_from_the_tags_trailing_number(string tag, long rows) =>
        Assert.Equal(rows, CommandTag.RowCount(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(tag + "\0"))));

    [Fact]
    public void A_startup_packet_is_read_whole_with_its_parameters_and_kept_byte_for_byte()
    {
        var body = Encoding.UTF8.GetBytes("user\0alice\0database\0warehouse\0\0");
        var bytes = new byte[8 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes, bytes.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), 3 << 16);
        body.CopyTo(bytes, 8);
        var partial = new ReadOnlySequence<byte>(bytes, 0, 10);
        Assert.False(StartupPacket.TryRead(ref partial, out _));

        var buffer = new ReadOnlySequence<byte>(bytes.Concat(new byte[] { 1, 2 }).ToArray());
        Assert.True(StartupPacket.TryRead(ref buffer, out var packet));
        Assert.Equal(2, buffer.Length);
        Assert.True(packet!.IsStartupMessage);
        Assert.Equal(("alice", "warehouse"), (packet.User, packet.Database));
        Assert.Equal(bytes, packet.Bytes);
    }

    [Fact]
    public void A_startup_packet_with_an_absurd_length_is_refused_by_name()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0x7f, 0, 0, 0, 0, 3, 0, 0 });
        var error = Assert.Throws<WireProtocolException>(() => StartupPacket.TryRead(ref buffer, out _));
        Assert.Contains("invalid length of startup packet", error.Message);
    }

    [Fact]
    public void A_rewritten_parse_keeps_the_statement_name_and_parameter_types()
    {
        var types = new byte[] { 0, 1, 0, 0, 0, 23 };
        var message = MessageWriter.Parse("s1", "select $1", new ReadOnlySequence<byte>(types));
        var header = MessageHeader.TryRead(new ReadOnlySequence<byte>(message), out var h) ? h : default;
        Assert.Equal((FrontendCode.Parse, message.Length - 1), (header.Code, header.Length));
        var parse = FrontendMessages.ReadParse(new ReadOnlySequence<byte>(message, 5, message.Length - 5));
        Assert.Equal(("s1", "select $1"), (parse.Statement, parse.Sql));
        Assert.Equal(types, parse.ParameterTypes.ToArray());
    }

    [Fact]
    public void An_error_response_carries_severity_code_message_and_position()
    {
        var message = MessageWriter.ErrorResponse("ERROR", "0A000", "TOP is not supported", 8);
        var fields = RawClient.ErrorFields(message[5..]);
        Assert.Equal(("ERROR", "ERROR", "0A000", "TOP is not supported", "8"), (fields['S'], fields['V'], fields['C'], fields['M'], fields['P']));
    }
}
