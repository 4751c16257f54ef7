using System.Text.Json;
using Sandbox.Core.Events;

namespace Sandbox.ClickLog.Handler;

/// <summary>A click_product_link event as the function stores it; Parse names the record and the fault for anything else.</summary>
public sealed record ClickEvent(
    string EventId,
    string EventTime,
    long EventTimeMilliseconds,
    string? UserId,
    string? AnonymousId,
    string ProductId,
    long? Price,
    IReadOnlyList<(string Name, string? Value)> Texts)
{
    public const string EventName = "click_product_link";

    private static readonly string[] EnvelopeTexts =
        [EnvelopeFields.AnonymousId, EnvelopeFields.SessionId, EnvelopeFields.ReceivedAt, EnvelopeFields.Platform, EnvelopeFields.AppVersion];

    private static readonly string[] PropertyTexts =
        [ClickLogItem.BrandId, ClickLogItem.ShopName, ClickLogItem.ShopUrl, ClickLogItem.Source];

    /// <summary>Null for a valid event of another name (not a click); throws <see cref="BadRecordException"/> for a bad record.</summary>
    public static ClickEvent? Parse(string recordId, ReadOnlySpan<byte> data)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data.ToArray());
        }
        catch (JsonException error)
        {
            throw new BadRecordException(recordId, $"data is not JSON ({error.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new BadRecordException(recordId, "data is not a JSON object");
            var eventId = Required(root, EnvelopeFields.EventId, recordId);
            var eventName = Required(root, EnvelopeFields.EventName, recordId);
            var userId = Optional(root, EnvelopeFields.UserId);
            var anonymousId = Optional(root, EnvelopeFields.AnonymousId);
            if (userId is null && anonymousId is null)
                throw new BadRecordException(recordId, $"event {eventId} has neither user_id nor anonymous_id");
            var eventTime = Required(root, EnvelopeFields.EventTime, recordId);
            if (!IsoTimestamp.TryParse(System.Text.Encoding.UTF8.GetBytes(eventTime), out var millis))
                throw new BadRecordException(recordId, $"event {eventId}: event_time '{eventTime}' is not an ISO-8601 UTC timestamp");
            if (eventName != EventName) return null;

            var properties = root.TryGetProperty(EnvelopeFields.Properties, out var p) && p.ValueKind == JsonValueKind.Object
                ? p : throw new BadRecordException(recordId, $"event {eventId}: {EventName} has no properties object");
            var productId = Optional(properties, ClickLogItem.ProductId)
                ?? throw new BadRecordException(recordId, $"event {eventId}: {EventName} has no properties.product_id");
            long? price = properties.TryGetProperty(ClickLogItem.Price, out var priceValue) && priceValue.TryGetInt64(out var yen) ? yen : null;
            return new ClickEvent(eventId, eventTime, millis, userId, anonymousId, productId, price,
                [.. EnvelopeTexts.Select(name => (name, Optional(root, name))), .. PropertyTexts.Select(name => (name, Optional(properties, name)))]);
        }
    }

    private static string Required(JsonElement root, string name, string recordId) =>
        Optional(root, name) ?? throw new BadRecordException(recordId, $"'{name}' is missing or empty");

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
