using Sandbox.DynamoDb.Server.Errors;

namespace Sandbox.DynamoDb.Server.Api;

public sealed record TimeToLiveSpecification(string? AttributeName, bool? Enabled);

public sealed record UpdateTimeToLiveRequest(string? TableName, TimeToLiveSpecification? TimeToLiveSpecification);

public sealed record UpdateTimeToLiveResponse(TimeToLiveSpecification TimeToLiveSpecification);

/// <summary>Records the TTL attribute (kept in table.json). Expired items are not deleted (README).</summary>
public static class UpdateTimeToLive
{
    public static UpdateTimeToLiveResponse Execute(UpdateTimeToLiveRequest request, OperationContext context)
    {
        var table = context.Store.Get(Unsupported.TableName(request.TableName));
        var specification = request.TimeToLiveSpecification;
        if (specification is not { AttributeName.Length: > 0, Enabled: not null })
            throw DynamoDbException.Validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null (AttributeName and Enabled)");
        var current = table.Schema.TimeToLiveAttribute;
        if (specification.Enabled == true && current is not null) throw DynamoDbException.Validation("TimeToLive is already enabled");
        if (specification.Enabled == false && current is null) throw DynamoDbException.Validation("TimeToLive is already disabled");
        if (specification.Enabled == false && current != specification.AttributeName)
            throw DynamoDbException.Validation($"TimeToLive is enabled on attribute {current}, not {specification.AttributeName}");
        context.Store.Update(table, table.Schema with { TimeToLiveAttribute = specification.Enabled == true ? specification.AttributeName : null });
        return new(specification);
    }
}
