using System.Text.Json.Nodes;

namespace Sandbox.Slack.Capture.Api;

/// <summary>auth.test: who the token is; the capture's one workspace and bot.</summary>
public static class AuthTest
{
    public const string Name = "auth.test";

    public static JsonObject Execute(ApiArguments arguments, OperationContext context)
    {
        arguments.RequireToken();
        return new JsonObject
        {
            ["url"] = context.BaseUrl.ToString(),
            ["team"] = "Sandbox",
            ["user"] = "sandbox-bot",
            ["team_id"] = "T0SANDBOX",
            ["user_id"] = "U0SANDBOX",
            ["bot_id"] = MessageJson.BotId,
        };
    }
}
