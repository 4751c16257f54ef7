using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sandbox.Aws;
using Sandbox.Aws.Bootstrap;
using Sandbox.Core.Bootstrap;

namespace Sandbox.ClickLog.Handler;

/// <summary>The click_logs table the function writes, keyed as <see cref="ClickLogItem"/> says.</summary>
public static class ClickLogTable
{
    public static CreateTableRequest Definition(string table) =>
        DynamoDbTables.OnDemand(table, ClickLogItem.UserId, ClickLogItem.EventKey);

    /// <summary>The attribute holding the expiry epoch seconds.</summary>
    public const string TimeToLiveAttribute = ClickLogItem.ExpiresAt;

    /// <summary>The click-log function's part of `sandbox bootstrap`: the table with its TTL.</summary>
    public static IBootstrapStep BootstrapStep(IAmazonDynamoDB dynamoDb, string table) =>
        new TableStep(dynamoDb, Definition(table), TimeToLiveAttribute);
}
