using Sandbox.Generator.Randomness;

namespace Sandbox.Generator.Simulation;

/// <summary>The screen/action state machine: what a user does next, weighted by the screen they are on.</summary>
public sealed class ActionTable
{
    private static readonly (Screen Screen, (EventKind Kind, double Weight)[] Actions)[] Rows =
    [
        (Screen.Home, [(EventKind.ViewPost, 50), (EventKind.Search, 10), (EventKind.ScreenView, 14), (EventKind.ViewProduct, 8),
            (EventKind.ViewBrand, 2), (EventKind.LikePost, 4), (EventKind.Share, 1)]),
        (Screen.Search, [(EventKind.ViewPost, 25), (EventKind.ViewProduct, 30), (EventKind.Search, 15), (EventKind.ScreenView, 10),
            (EventKind.FollowUser, 1)]),
        (Screen.PostDetail, [(EventKind.ViewPost, 26), (EventKind.LikePost, 18), (EventKind.ClipPost, 7), (EventKind.CommentPost, 3),
            (EventKind.FollowUser, 3), (EventKind.ViewProduct, 14), (EventKind.ClickProductLink, 2), (EventKind.Share, 3),
            (EventKind.ScreenView, 10), (EventKind.Search, 4)]),
        (Screen.ProductDetail, [(EventKind.ClickProductLink, 10), (EventKind.ViewPost, 14), (EventKind.ViewBrand, 5),
            (EventKind.ViewProduct, 8), (EventKind.PostReview, 1.5), (EventKind.Share, 2), (EventKind.ScreenView, 10), (EventKind.Search, 5)]),
        (Screen.Profile, [(EventKind.ViewPost, 30), (EventKind.FollowUser, 5), (EventKind.ScreenView, 12), (EventKind.ViewProduct, 3)]),
        (Screen.Notifications, [(EventKind.ViewPost, 25), (EventKind.FollowUser, 6), (EventKind.ScreenView, 12)]),
        (Screen.Ranking, [(EventKind.ViewProduct, 30), (EventKind.ViewPost, 15), (EventKind.ScreenView, 10), (EventKind.ViewBrand, 4)]),
        (Screen.ReviewCompose, [(EventKind.PostReview, 10), (EventKind.ScreenView, 2)]),
    ];

    /// <summary>Tabs a screen_view can switch to.</summary>
    private static readonly Screen[] Tabs = [Screen.Home, Screen.Search, Screen.Profile, Screen.Notifications, Screen.Ranking];

    private readonly WeightedTable[] _byScreen;
    private readonly EventKind[][] _kinds;
    private readonly WeightedTable _tabs = new([40, 20, 12, 14, 14]);

    public ActionTable()
    {
        _byScreen = new WeightedTable[Rows.Length];
        _kinds = new EventKind[Rows.Length][];
        foreach (var (screen, actions) in Rows)
        {
            _byScreen[(int)screen] = new WeightedTable(actions.Select(a => a.Weight).ToArray());
            _kinds[(int)screen] = actions.Select(a => a.Kind).ToArray();
        }
    }

    public EventKind NextAction(Screen screen, ref Xoshiro256 rng) => _kinds[(int)screen][_byScreen[(int)screen].Pick(ref rng)];

    public Screen NextTab(Screen current, ref Xoshiro256 rng)
    {
        var tab = Tabs[_tabs.Pick(ref rng)];
        return tab != current ? tab : tab == Screen.Home ? Screen.Ranking : Screen.Home;
    }
}
