using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Api;

public sealed record RetentionPeriodRequest(string? StreamName, string? StreamARN, int? RetentionPeriodHours);

/// <summary>Checks shared by Increase/DecreaseStreamRetentionPeriod (24 h .. 8760 h).</summary>
internal static class RetentionPeriod
{
    public const int MinHours = 24;
    public const int MaxHours = 8760;

    public static void Change(RetentionPeriodRequest request, OperationContext context, bool increase)
    {
        var hours = Validate.Range(Validate.Required(request.RetentionPeriodHours, "retentionPeriodHours"), 1, int.MaxValue, "retentionPeriodHours");
        if (hours < MinHours)
            throw KinesisException.InvalidArgument($"Minimum allowed retention period is {MinHours} hours. Requested retention period ({hours} hours) is too short.");
        if (hours > MaxHours)
            throw KinesisException.InvalidArgument($"Maximum allowed retention period is {MaxHours} hours. Requested retention period ({hours} hours) is too long.");
        var stream = StreamLookup.Find(context, request.StreamName, request.StreamARN);
        context.Store.Update(stream, info =>
        {
            if (increase && hours < info.RetentionHours)
                throw KinesisException.InvalidArgument($"Requested retention period ({hours} hours) for stream {info.Name} can not be shorter than existing retention period ({info.RetentionHours} hours). Use DecreaseRetentionPeriod API.");
            if (!increase && hours > info.RetentionHours)
                throw KinesisException.InvalidArgument($"Requested retention period ({hours} hours) for stream {info.Name} can not be longer than existing retention period ({info.RetentionHours} hours). Use IncreaseRetentionPeriod API.");
            return info with { RetentionHours = hours };
        });
    }
}
