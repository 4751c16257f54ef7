namespace Sandbox.Generator.Output;

/// <summary>JSON keys (with opening quote and colon) of the event properties the writer emits.</summary>
public static class PropertyNames
{
    public static readonly byte[] InstallSource = Key("install_source");
    public static readonly byte[] CampaignId = Key("campaign_id");
    public static readonly byte[] OpenSource = Key("open_source");
    public static readonly byte[] IsFirstOpen = Key("is_first_open");
    public static readonly byte[] Method = Key("method");
    public static readonly byte[] ReferrerUserId = Key("referrer_user_id");
    public static readonly byte[] ScreenName = Key("screen_name");
    public static readonly byte[] PreviousScreen = Key("previous_screen");
    public static readonly byte[] Query = Key("query");
    public static readonly byte[] SearchType = Key("search_type");
    public static readonly byte[] ResultCount = Key("result_count");
    public static readonly byte[] PostId = Key("post_id");
    public static readonly byte[] AuthorId = Key("author_id");
    public static readonly byte[] ProductId = Key("product_id");
    public static readonly byte[] Source = Key("source");
    public static readonly byte[] Position = Key("position");
    public static readonly byte[] CommentLength = Key("comment_length");
    public static readonly byte[] FollowedUserId = Key("followed_user_id");
    public static readonly byte[] BrandId = Key("brand_id");
    public static readonly byte[] BrandName = Key("brand_name");
    public static readonly byte[] Category = Key("category");
    public static readonly byte[] Price = Key("price");
    public static readonly byte[] ShopName = Key("shop_name");
    public static readonly byte[] ShopUrl = Key("shop_url");
    public static readonly byte[] ReviewId = Key("review_id");
    public static readonly byte[] Rating = Key("rating");
    public static readonly byte[] TextLength = Key("text_length");
    public static readonly byte[] HasPhoto = Key("has_photo");
    public static readonly byte[] ContentType = Key("content_type");
    public static readonly byte[] ContentId = Key("content_id");
    public static readonly byte[] Channel = Key("channel");
    public static readonly byte[] PushType = Key("push_type");

    /// <summary>Finds a key by property name (for the drop-property fault); null when the writer never emits it.</summary>
    public static byte[]? Find(string name) =>
        typeof(PropertyNames).GetFields()
            .Select(f => (byte[])f.GetValue(null)!)
            .FirstOrDefault(key => key.AsSpan().SequenceEqual(Key(name)));

    private static byte[] Key(string name) => System.Text.Encoding.UTF8.GetBytes($"\"{name}\":");
}
