using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;

namespace Sandbox.Testing;

public static class KinesisTestStreams
{
    /// <summary>
    /// Creates a stream named <paramref name="prefix"/> + 12 random hex digits, so that tests sharing
    /// an engine never see each other's records, and waits until it is ACTIVE.
    /// </summary>
    public static async Task<string> CreateTestStreamAsync(this IKinesisClient client, string prefix, int shards)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..12];
        await client.CreateStreamAsync(new CreateStreamRequest { StreamName = name, ShardCount = shards });
        await client.WaitForStreamActiveAsync(name, TimeSpan.FromSeconds(30));
        return name;
    }
}
