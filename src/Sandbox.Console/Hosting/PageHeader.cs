namespace Sandbox.Console.Hosting;

/// <summary>The navigation bar of the server-rendered pages (Slack channel, releases); the static pages in web/ carry the same links.</summary>
public static class PageHeader
{
    public const string Html =
        """<header><strong>Sandbox Console</strong> <a href="/queries/new">New query</a> <a href="/dashboards">Dashboards</a> <a href="/alerts">Alerts</a> <a href="/lessons">Lessons</a> <a href="/releases">Releases</a> <a href="/slack">Slack</a></header>""";
}
