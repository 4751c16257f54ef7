namespace Sandbox.Lake.Partitions;

/// <summary>One archive partition: the UTC day and hour folder of an object key (not a Kinesis partition key: that is the shipper's PartitionKey).</summary>
public readonly record struct HourPartition(DateOnly Dt, int Hour)
{
    public override string ToString() => $"dt={Dt:yyyy-MM-dd}/hour={Hour:00}";
}
