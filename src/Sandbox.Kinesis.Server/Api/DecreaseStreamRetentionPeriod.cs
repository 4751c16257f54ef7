namespace Sandbox.Kinesis.Server.Api;

/// <summary>Lowers a stream's retention period; the next trimming pass deletes segments now too old.</summary>
public static class DecreaseStreamRetentionPeriod
{
    public const string Name = "DecreaseStreamRetentionPeriod";

    public static void Execute(RetentionPeriodRequest request, OperationContext context) =>
        RetentionPeriod.Change(request, context, increase: false);
}
