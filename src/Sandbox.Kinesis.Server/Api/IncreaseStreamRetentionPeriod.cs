namespace Sandbox.Kinesis.Server.Api;

/// <summary>Raises a stream's retention period (never below the current one).</summary>
public static class IncreaseStreamRetentionPeriod
{
    public const string Name = "IncreaseStreamRetentionPeriod";

    public static void Execute(RetentionPeriodRequest request, OperationContext context) =>
        RetentionPeriod.Change(request, context, increase: true);
}
