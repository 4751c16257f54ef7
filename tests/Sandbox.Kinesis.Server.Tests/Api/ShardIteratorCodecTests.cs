using Sandbox.Kinesis.Server.Api;
using Sandbox.Kinesis.Server.Errors;
using Sandbox.Kinesis.Server.Tests.Support;

namespace Sandbox.Kinesis.Server.Tests.Api;

public sealed class ShardIteratorCodecTests
{
    private readonly ManualTime _time = new();

    [Fact]
    public void An_iterator_round_trips_its_position()
    {
        var codec = new ShardIteratorCodec(_time);

        var decoded = codec.Decode(codec.Encode("app-events", 42, 3, 1_000_000));

        Assert.Equal(("app-events", 42L, 3, 1_000_000L), (decoded.StreamName, decoded.StreamCreatedMs, decoded.ShardIndex, decoded.Position));
    }

    [Fact]
    public void An_iterator_expires_after_five_minutes()
    {
        var codec = new ShardIteratorCodec(_time);
        var iterator = codec.Encode("s", 0, 0, 0);
        _time.Advance(TimeSpan.FromMinutes(5));
        codec.Decode(iterator);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var error = Assert.Throws<KinesisException>(() => codec.Decode(iterator));

        Assert.Equal(ErrorTypes.ExpiredIterator, error.ErrorType);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void Strings_we_did_not_issue_are_invalid_arguments(string iterator)
    {
        var error = Assert.Throws<KinesisException>(() => new ShardIteratorCodec(_time).Decode(iterator));
        Assert.Equal(ErrorTypes.InvalidArgument, error.ErrorType);
    }

    [Fact]
    public void A_tampered_iterator_fails_its_checksum()
    {
        var codec = new ShardIteratorCodec(_time);
        var bytes = Convert.FromBase64String(codec.Encode("s", 0, 0, 5));
        bytes[^6] ^= 1; // change the position

        var error = Assert.Throws<KinesisException>(() => codec.Decode(Convert.ToBase64String(bytes)));

        Assert.Equal(ErrorTypes.InvalidArgument, error.ErrorType);
    }
}
