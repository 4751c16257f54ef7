namespace Sandbox.Digest.Rendering;

/// <summary>
/// Where the digest points people: the console (SANDBOX_CONSOLE_URL), its dashboards (the starter "KPI"
/// dashboard shows these figures over any range), its query editor and its page of each release's check;
/// without a console there are no links.
/// </summary>
public sealed record DigestLinks(Uri? Console)
{
    public Uri? Dashboards => Console is { } console ? new Uri(console, "/dashboards") : null;

    public Uri? Queries => Console is { } console ? new Uri(console, "/queries/new") : null;

    public Uri? Release(string version) => Console is { } console ? new Uri(console, "/releases/" + Uri.EscapeDataString(version)) : null;
}
