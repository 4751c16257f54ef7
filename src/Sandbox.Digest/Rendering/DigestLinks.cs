namespace Sandbox.Digest.Rendering;

/// <summary>
/// Where the digest points people: the console (SANDBOX_CONSOLE_URL) and its query editor. The console has no
/// dashboard page yet, so the queries page stands in for it; without a console there are no links.
/// </summary>
public sealed record DigestLinks(Uri? Console)
{
    public Uri? Queries => Console is { } console ? new Uri(console, "/queries/new") : null;
}
