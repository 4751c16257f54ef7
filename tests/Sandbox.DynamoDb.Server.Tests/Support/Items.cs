using Amazon.DynamoDBv2.Model;

namespace Sandbox.DynamoDb.Server.Tests.Support;

/// <summary>Short builders for attribute values and items.</summary>
public static class Items
{
    public static AttributeValue S(string value) => new() { S = value };
    public static AttributeValue N(long value) => new() { N = value.ToString() };

    public static Dictionary<string, AttributeValue> Item(params (string Name, AttributeValue Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Value);

    /// <summary>A click item as the click-log function writes it.</summary>
    public static Dictionary<string, AttributeValue> Click(string user, int n) => Item(
        ("pk", S(user)), ("sk", S($"2026-12-01T00:{n / 60:D2}:{n % 60:D2}.000Z#e{n:D6}")), ("event_id", S($"e{n:D6}")),
        ("product_id", S($"p{n % 97}")), ("price", N(100 + n)), ("platform", S(n % 2 == 0 ? "ios" : "android")));
}
