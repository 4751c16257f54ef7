using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.DynamoDb.Server.Tests.Support;

namespace Sandbox.DynamoDb.Server.Tests.Api;

/// <summary>CreateTable, DescribeTable, ListTables, DeleteTable and TTL through the AWS SDK.</summary>
public sealed class TableOperationTests : IAsyncLifetime
{
    private InProcessDynamoDb _db = null!;

    public async Task InitializeAsync() => _db = await InProcessDynamoDb.StartAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_created_table_is_active_described_and_listed_until_deleted()
    {
        var name = await _db.CreateTableAsync("user_id", "event_key");
        var table = (await _db.Client.DescribeTableAsync(name)).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(["user_id", "event_key"], table.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(KeyType.RANGE, table.KeySchema[1].KeyType);
        Assert.Equal($"arn:aws:dynamodb:ap-northeast-1:000000000000:table/{name}", table.TableArn);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary.BillingMode);
        Assert.Contains(name, (await _db.Client.ListTablesAsync(new ListTablesRequest())).TableNames);

        var deleted = await _db.Client.DeleteTableAsync(name);
        Assert.Equal(TableStatus.DELETING, deleted.TableDescription.TableStatus);
        Assert.DoesNotContain(name, (await _db.Client.ListTablesAsync(new ListTablesRequest())).TableNames);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _db.Client.DescribeTableAsync(name));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _db.Client.DeleteTableAsync(name));
    }

    [Fact]
    public async Task Creating_an_existing_table_is_ResourceInUse()
    {
        var name = await _db.CreateTableAsync();
        var error = await Assert.ThrowsAsync<ResourceInUseException>(() => _db.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name, BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)], KeySchema = [new("pk", KeyType.HASH)],
        }));
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public async Task ListTables_pages_with_Limit()
    {
        var names = new List<string>();
        for (var i = 0; i < 3; i++) names.Add(await _db.CreateTableAsync());
        var first = await _db.Client.ListTablesAsync(new ListTablesRequest { Limit = 2 });
        Assert.Equal(2, first.TableNames.Count);
        var rest = await _db.Client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = first.LastEvaluatedTableName });
        Assert.Equal(names.Order(StringComparer.Ordinal), first.TableNames.Concat(rest.TableNames));
        Assert.Null(rest.LastEvaluatedTableName);
    }

    [Fact]
    public async Task Bad_definitions_and_unsupported_features_are_refused_by_name()
    {
        var noDefinition = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _db.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad-table", BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("other", ScalarAttributeType.S)], KeySchema = [new("pk", KeyType.HASH)],
        }));
        Assert.Equal("ValidationException", noDefinition.ErrorCode);
        Assert.Contains("pk", noDefinition.Message);

        var index = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _db.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "indexed", BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("g", ScalarAttributeType.S)], KeySchema = [new("pk", KeyType.HASH)],
            GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "by-g", KeySchema = [new("g", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }],
        }));
        Assert.Equal("ValidationException", index.ErrorCode);
        Assert.Contains("GlobalSecondaryIndexes", index.Message);

        var badName = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _db.Client.DescribeTableAsync("a b"));
        Assert.Equal("ValidationException", badName.ErrorCode);
    }

    [Fact]
    public async Task Time_to_live_is_enabled_once_and_described()
    {
        var name = await _db.CreateTableAsync();
        Assert.Equal(TimeToLiveStatus.DISABLED, (await _db.Client.DescribeTimeToLiveAsync(name)).TimeToLiveDescription.TimeToLiveStatus);
        await _db.Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = name, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expires_at", Enabled = true },
        });
        var ttl = (await _db.Client.DescribeTimeToLiveAsync(name)).TimeToLiveDescription;
        Assert.Equal(TimeToLiveStatus.ENABLED, ttl.TimeToLiveStatus);
        Assert.Equal("expires_at", ttl.AttributeName);
        var again = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _db.Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = name, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expires_at", Enabled = true },
        }));
        Assert.Contains("already enabled", again.Message);
    }
}
