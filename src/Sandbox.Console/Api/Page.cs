namespace Sandbox.Console.Api;

/// <summary>A page of web/ next to the dll (signed-in users; its API calls say what the user may not do).</summary>
public static class Page
{
    public static IResult File(string name) =>
        Results.File(Path.Combine(AppContext.BaseDirectory, "web", name), "text/html; charset=utf-8");
}
