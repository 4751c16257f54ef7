namespace Sandbox.Generator.Simulation;

/// <summary>Enumerated property values, in the plan's spelling; records store indexes into these arrays.</summary>
public static class PropertyValues
{
    public static readonly string[] InstallSource = ["organic", "ad", "referral", "store_feature"];
    public static readonly string[] OpenSource = ["launcher", "push", "deeplink"];
    public static readonly string[] AccountMethod = ["email", "apple", "google", "line", "x"];
    public static readonly string[] ScreenName = ["home", "search", "post_detail", "product_detail", "profile", "notifications", "ranking", "review_compose"];
    public static readonly string[] SearchType = ["post", "product", "user"];
    public static readonly string[] PostSource = ["feed", "search", "profile", "ranking", "share_link"];
    public static readonly string[] FollowSource = ["post", "profile", "search"];
    public static readonly string[] ProductSource = ["post", "search", "ranking", "brand"];
    public static readonly string[] ClickSource = ["product_detail", "post"];
    public static readonly string[] ContentType = ["post", "product", "review"];
    public static readonly string[] ShareChannel = ["line", "x", "instagram", "copy_link"];
    public static readonly string[] PushType = ["new_follower", "like", "campaign", "restock"];
    public static readonly string[] Platform = ["ios", "android", "web"];
    public static readonly string[] Locale = ["ja-JP", "en-US"];

    public const byte None = byte.MaxValue;
}
