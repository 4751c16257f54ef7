using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.Core.Endpoints;

namespace Sandbox.Stack.Probes;

public sealed class DynamoDbProbe(IAmazonDynamoDB dynamoDb, SandboxEndpoints endpoints) : IServiceProbe
{
    public string Service => "dynamodb";
    public Uri? Endpoint => endpoints.DynamoDbUrl;

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var response = await dynamoDb.ListTablesAsync(new ListTablesRequest(), cancellationToken);
        return $"ListTables: {response.TableNames?.Count ?? 0} tables";
    }
}
