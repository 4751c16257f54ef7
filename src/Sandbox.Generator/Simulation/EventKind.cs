namespace Sandbox.Generator.Simulation;

/// <summary>The planned events the simulation emits; names are checked against the tracking plan at start-up.</summary>
public enum EventKind : byte
{
    AppInstall, AppOpen, Signup, Login, Logout, ScreenView, Search, ViewPost, LikePost, ClipPost,
    CommentPost, FollowUser, ViewBrand, ViewProduct, ClickProductLink, PostReview, Share, PushOpen,
}

public static class EventKinds
{
    public static readonly string[] Names =
    [
        "app_install", "app_open", "signup", "login", "logout", "screen_view", "search", "view_post", "like_post",
        "clip_post", "comment_post", "follow_user", "view_brand", "view_product", "click_product_link",
        "post_review", "share", "push_open",
    ];

    public static int Count => Names.Length;

    public static string Name(this EventKind kind) => Names[(int)kind];

    public static EventKind Parse(string name)
    {
        var index = Array.IndexOf(Names, name);
        return index >= 0 ? (EventKind)index : throw new ArgumentException($"the simulation cannot emit event '{name}'", nameof(name));
    }

    /// <summary>Actions only a logged-in user can take.</summary>
    public static bool NeedsAccount(this EventKind kind) => kind is EventKind.LikePost or EventKind.ClipPost
        or EventKind.CommentPost or EventKind.FollowUser or EventKind.PostReview or EventKind.Logout;
}

/// <summary>Screens of the app (same order as the plan's screen_name values).</summary>
public enum Screen : byte { Home, Search, PostDetail, ProductDetail, Profile, Notifications, Ranking, ReviewCompose }
