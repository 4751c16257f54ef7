namespace Sandbox.Lake.Partitions;

/// <summary>One archive partition: the UTC day and hour folder of an object key.</summary>
public readonly record struct PartitionKey(DateOnly Dt, int Hour)
{
    public override string ToString() => $"dt={Dt:yyyy-MM-dd}/hour={Hour:00}";
}
