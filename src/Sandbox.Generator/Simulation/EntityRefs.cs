using Sandbox.Generator.Entities;

namespace Sandbox.Generator.Simulation;

/// <summary>Picks the posts, products, users and enum values an action refers to, and moves the session between screens.</summary>
public sealed class EntityRefs(SimulationModel model)
{
    private readonly Catalog _catalog = model.Pools.Catalog;
    private readonly ContentPool _content = model.Pools.Content;
    private readonly int _users = model.Pools.Users.Count;
    private readonly int _queries = model.Pools.SearchQueries.Count;

    public void Fill(ref EventRecord r, Session s)
    {
        ref var rng = ref s.Rng;
        switch (r.Kind)
        {
            case EventKind.AppInstall:
                r.Enum1 = (byte)model.InstallSources.Pick(ref rng);
                r.Int1 = r.Enum1 == 1 ? s.Day * 3 + rng.Next(3) : -1;
                break;
            case EventKind.AppOpen:
                r.Enum1 = (byte)(s.OpeningIndex >= 2 && s.Opening[0] == EventKind.PushOpen ? 1 : rng.Chance(0.08) ? 2 : 0);
                r.Flag = s.IsInstallSession;
                break;
            case EventKind.Signup:
                r.Enum1 = (byte)model.AccountMethods.Pick(ref rng);
                r.Ref1 = rng.Chance(0.1) ? OtherUser(s.User, ref rng) : -1;
                break;
            case EventKind.Login:
                r.Enum1 = (byte)model.AccountMethods.Pick(ref rng);
                break;
            case EventKind.ScreenView:
                var target = model.Actions.NextTab(s.Screen, ref rng);
                r.Enum1 = (byte)target;
                r.Enum2 = (byte)s.Screen;
                s.Screen = target;
                break;
            case EventKind.Search:
                r.Ref1 = rng.Skewed(_queries, 2);
                r.Enum1 = (byte)model.SearchTypes.Pick(ref rng);
                r.Int1 = rng.Chance(0.05) ? 0 : 1 + rng.Skewed(500, 2);
                s.Screen = Screen.Search;
                break;
            case EventKind.ViewPost:
                r.Enum1 = (byte)PostSource(s.Screen, ref rng);
                s.Post = rng.Skewed(_content.PostCount);
                r.Ref1 = s.Post;
                r.Int1 = rng.Next(60);
                if (_content.PostProduct[s.Post] >= 0) s.Product = _content.PostProduct[s.Post];
                s.Screen = Screen.PostDetail;
                break;
            case EventKind.LikePost or EventKind.ClipPost:
                r.Ref1 = CurrentPost(s);
                break;
            case EventKind.CommentPost:
                r.Ref1 = CurrentPost(s);
                r.Int1 = 2 + Math.Min(1_000, rng.Geometric(40));
                break;
            case EventKind.FollowUser:
                r.Ref1 = s.Post >= 0 && _content.PostAuthor[s.Post] != s.User ? _content.PostAuthor[s.Post] : OtherUser(s.User, ref rng);
                r.Enum1 = (byte)(s.Screen switch { Screen.PostDetail => 0, Screen.Search => 2, _ => 1 });
                break;
            case EventKind.ViewBrand:
                r.Ref1 = s.Product >= 0 ? _catalog.ProductBrand[s.Product] : rng.Skewed(_catalog.BrandCount, 2);
                break;
            case EventKind.ViewProduct:
                r.Enum1 = (byte)(s.Screen switch { Screen.PostDetail => 0, Screen.Search => 1, Screen.ProductDetail => 3, _ => 2 });
                s.Product = s.Screen == Screen.PostDetail && s.Post >= 0 && _content.PostProduct[s.Post] >= 0
                    ? _content.PostProduct[s.Post]
                    : rng.Skewed(_catalog.ProductCount, 2);
                r.Ref1 = s.Product;
                s.Screen = Screen.ProductDetail;
                break;
            case EventKind.ClickProductLink:
                r.Enum1 = (byte)(s.Screen == Screen.PostDetail ? 1 : 0);
                r.Ref1 = CurrentProduct(s);
                break;
            case EventKind.PostReview:
                r.Ref1 = CurrentProduct(s);
                r.Int1 = 1 + model.Ratings.Pick(ref rng);
                r.Int2 = 20 + Math.Min(2_000, rng.Geometric(180));
                r.Flag = rng.Chance(0.35);
                s.Screen = Screen.ProductDetail;
                break;
            case EventKind.Share:
                (r.Enum1, r.Ref1) = s.Screen switch
                {
                    Screen.PostDetail when s.Post >= 0 => ((byte)0, s.Post),
                    Screen.ProductDetail when s.Product >= 0 => ((byte)1, s.Product),
                    _ => ((byte)2, rng.Next(_content.ExistingReviewCount)),
                };
                r.Enum2 = (byte)model.ShareChannels.Pick(ref rng);
                break;
            case EventKind.PushOpen:
                r.Enum1 = (byte)model.PushTypes.Pick(ref rng);
                r.Int1 = s.Day * 7 + rng.Next(7);
                break;
        }
    }

    private int CurrentPost(Session s)
    {
        if (s.Post < 0) s.Post = s.Rng.Skewed(_content.PostCount);
        return s.Post;
    }

    private int CurrentProduct(Session s)
    {
        if (s.Product < 0) s.Product = s.Rng.Skewed(_catalog.ProductCount, 2);
        return s.Product;
    }

    private int OtherUser(int self, ref Randomness.Xoshiro256 rng)
    {
        var other = rng.Skewed(_users, 2);
        return other != self ? other : (other + 1) % _users;
    }

    private static int PostSource(Screen screen, ref Randomness.Xoshiro256 rng) =>
        rng.Chance(0.02) ? 4 : screen switch { Screen.Search => 1, Screen.Profile => 2, Screen.Ranking => 3, _ => 0 };
}
