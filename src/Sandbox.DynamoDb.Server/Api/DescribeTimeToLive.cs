namespace Sandbox.DynamoDb.Server.Api;

public sealed record TimeToLiveDescription(string TimeToLiveStatus, string? AttributeName);

public sealed record DescribeTimeToLiveResponse(TimeToLiveDescription TimeToLiveDescription);

/// <summary>ENABLED with its attribute, or DISABLED (never the ENABLING / DISABLING phases).</summary>
public static class DescribeTimeToLive
{
    public static DescribeTimeToLiveResponse Execute(TableNameRequest request, OperationContext context)
    {
        var attribute = context.Store.Get(Unsupported.TableName(request.TableName)).Schema.TimeToLiveAttribute;
        return new(new TimeToLiveDescription(attribute is null ? "DISABLED" : "ENABLED", attribute));
    }
}
