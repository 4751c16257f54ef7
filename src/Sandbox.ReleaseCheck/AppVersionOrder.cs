namespace Sandbox.ReleaseCheck;

/// <summary>Orders app versions as numbers part by part ("5.10.0" after "5.9.0"); non-numeric parts compare as text.</summary>
public sealed class AppVersionOrder : IComparer<string>
{
    public static readonly AppVersionOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var a = x.Split('.');
        var b = y.Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "0";
            var right = i < b.Length ? b[i] : "0";
            var c = long.TryParse(left, out var l) && long.TryParse(right, out var r) ? l.CompareTo(r) : string.CompareOrdinal(left, right);
            if (c != 0) return c;
        }
        return string.CompareOrdinal(x, y);
    }
}
