namespace Sandbox.Firehose.Buffering;

/// <summary>One Kinesis record waiting for delivery, with where it came from so it can be checkpointed.</summary>
public sealed record BufferedRecord(string ShardId, string SequenceNumber, ReadOnlyMemory<byte> Data, DateTimeOffset ArrivalTime);
