using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Sandbox.ClickLog.Handler;

/// <summary>How a click is typed outside DynamoDB (Parquet export).</summary>
public enum ClickColumnType { Text, Integer, Timestamp }

/// <summary>
/// The click_logs item: pk user_id (the user, or the anonymous id before sign-up), sk event_key =
/// event_time#event_id so a Query reads a user's clicks in time order. Every attribute comes from
/// the event, the TTL too (event time + retention): a redelivered record writes the very same item.
/// </summary>
public static class ClickLogItem
{
    public const string UserId = "user_id", EventKey = "event_key", ExpiresAt = "expires_at";
    public const string EventId = "event_id", EventTime = "event_time", ReceivedAt = "received_at", AnonymousId = "anonymous_id",
        SessionId = "session_id", Platform = "platform", AppVersion = "app_version", ProductId = "product_id", BrandId = "brand_id",
        ShopName = "shop_name", ShopUrl = "shop_url", Price = "price", Source = "source";

    /// <summary>Every attribute an item may carry, in export column order.</summary>
    public static IReadOnlyList<(string Name, ClickColumnType Type)> Columns { get; } =
    [
        (UserId, ClickColumnType.Text), (EventKey, ClickColumnType.Text), (EventId, ClickColumnType.Text),
        (EventTime, ClickColumnType.Timestamp), (ReceivedAt, ClickColumnType.Timestamp), (AnonymousId, ClickColumnType.Text),
        (SessionId, ClickColumnType.Text), (Platform, ClickColumnType.Text), (AppVersion, ClickColumnType.Text),
        (ProductId, ClickColumnType.Text), (BrandId, ClickColumnType.Text), (ShopName, ClickColumnType.Text),
        (ShopUrl, ClickColumnType.Text), (Price, ClickColumnType.Integer), (Source, ClickColumnType.Text),
        (ExpiresAt, ClickColumnType.Integer),
    ];

    public static string KeyOf(string eventTime, string eventId) => $"{eventTime}#{eventId}";

    public static Dictionary<string, AttributeValue> From(ClickEvent click, TimeSpan retention)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [UserId] = S(click.UserId ?? click.AnonymousId!),
            [EventKey] = S(KeyOf(click.EventTime, click.EventId)),
            [EventId] = S(click.EventId),
            [EventTime] = S(click.EventTime),
            [ProductId] = S(click.ProductId),
            [ExpiresAt] = N((click.EventTimeMilliseconds / 1000) + (long)retention.TotalSeconds),
        };
        foreach (var (name, value) in click.Texts)
            if (!string.IsNullOrEmpty(value)) item[name] = S(value);
        if (click.Price is { } price) item[Price] = N(price);
        return item;
    }

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
