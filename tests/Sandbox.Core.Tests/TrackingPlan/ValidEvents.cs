using System.Text.Json.Nodes;

namespace Sandbox.Core.Tests.TrackingPlan;

/// <summary>Builds event lines that follow the plan, for tests to break one field at a time.</summary>
internal static class ValidEvents
{
    public static JsonObject ClickProductLink() => new()
    {
        ["event_id"] = "01JDX0ZQ7M8Y3V5K2N4P6R8T0W",
        ["event_name"] = "click_product_link",
        ["user_id"] = "u00012345",
        ["anonymous_id"] = "a7f3c2d19e0b4a6c",
        ["session_id"] = "s-9f8e7d6c5b4a3921",
        ["event_time"] = "2026-11-30T12:34:56.789Z",
        ["received_at"] = "2026-11-30T12:34:57.012Z",
        ["platform"] = "ios",
        ["os_version"] = "18.1",
        ["device_model"] = "iPhone16,2",
        ["app_version"] = "5.12.0",
        ["locale"] = "ja-JP",
        ["properties"] = new JsonObject
        {
            ["product_id"] = "p000123",
            ["brand_id"] = "b0042",
            ["shop_name"] = "コスメショップ",
            ["shop_url"] = "https://shop.example.jp/p000123",
            ["price"] = 1980,
            ["source"] = "product_detail",
        },
    };
}
