using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Console.Tests;

/// <summary>Sign in and out, pages behind the sign-in, health, and API keys.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SessionApiTests(ConsoleFixture console)
{
    [Fact]
    public async Task Health_answers_without_a_session_after_reading_the_schema()
    {
        using var client = console.Anonymous();
        var health = await client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(Sandbox.Console.State.ConsoleDatabase.Migrations.Max(m => m.Version), health.GetProperty("schemaVersion").GetInt32());
    }

    [Theory]
    [InlineData("alice", "wrong-password-here", HttpStatusCode.Unauthorized, "the name or the password is wrong")]
    [InlineData("nobody", ConsoleFixture.Password, HttpStatusCode.Unauthorized, "the name or the password is wrong")]
    [InlineData("alice", "", HttpStatusCode.BadRequest, "name and password are both needed")]
    public async Task A_bad_sign_in_is_refused(string name, string password, HttpStatusCode status, string message)
    {
        using var client = console.Anonymous();
        var response = await client.PostAsJsonAsync("/api/session", new { name, password });
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, (await response.ErrorAsync()).GetProperty("message").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Sign_in_gives_a_strict_http_only_cookie_and_sign_out_ends_the_session()
    {
        using var client = await console.SignedInAsync("alice");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/session");
        Assert.Equal("alice", me.GetProperty("name").GetString());
        Assert.Equal("analyst", me.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/session")).StatusCode);

        using var anonymous = console.Anonymous();
        var signIn = await anonymous.PostAsJsonAsync("/api/session", new { name = "bob", password = ConsoleFixture.Password });
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("httponly", cookie);
    }

    [Theory]
    [InlineData("/queries/new")]
    [InlineData("/queries/1")]
    public async Task Pages_send_a_stranger_to_the_sign_in_page(string page)
    {
        using var client = console.Anonymous();
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_seeded_accounts_passwords_are_in_a_file_only_its_owner_reads()
    {
        var path = Path.Combine(console.StateDirectory, "console-accounts.env");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var settings = Core.Endpoints.EndpointsLoader.ParseEnvFile(path);
        using var admin = await console.SignedInAsync("admin", settings["SANDBOX_CONSOLE_ADMIN_PASSWORD"]);
        Assert.Equal("admin", (await admin.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("role").GetString());
        using var analyst = await console.SignedInAsync("analyst", settings["SANDBOX_CONSOLE_ANALYST_PASSWORD"]);
    }

    [Fact]
    public async Task An_api_key_is_shown_once_listed_by_prefix_and_stops_working_when_revoked()
    {
        using var client = await console.SignedInAsync("bob");
        var created = await client.PostAsync("/api/keys", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("id").GetInt32();
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/keys");
        var entry = Assert.Single(listed.EnumerateArray(), k => k.GetProperty("id").GetInt32() == id);
        Assert.Equal(key[..10], entry.GetProperty("prefix").GetString());
        Assert.False(entry.TryGetProperty("key", out _));

        using var script = console.Anonymous();
        script.DefaultRequestHeaders.Add("Authorization", $"Key {key}");
        Assert.Equal("bob", (await script.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/keys/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_users_key_cannot_be_revoked()
    {
        using var bob = await console.SignedInAsync("bob");
        var id = (await (await bob.PostAsync("/api/keys", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var alice = await console.SignedInAsync("alice");
        Assert.Equal(HttpStatusCode.NotFound, (await alice.DeleteAsync($"/api/keys/{id}")).StatusCode);
    }
}
