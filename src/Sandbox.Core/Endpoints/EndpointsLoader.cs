namespace Sandbox.Core.Endpoints;

/// <summary>
/// Builds the endpoints contract from, in order of precedence: process environment,
/// the stack's <c>.sandbox/endpoints.env</c> (written by <c>make up</c>), native defaults.
/// </summary>
public static class EndpointsLoader
{
    public const string EnvFileName = "endpoints.env";

    public static SandboxEndpoints Load() => FromSettings(LoadSettings());

    /// <summary>The merged settings themselves, for contract variables a box reads on its own (e.g. the console's roles).</summary>
    public static IReadOnlyDictionary<string, string> LoadSettings() => Merge(Environment.GetEnvironmentVariables(), FindEnvFile());

    public static SandboxEndpoints FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        string? Get(string key) => settings.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

        var target = ParseTarget(Get("SANDBOX_TARGET"));
        var local = target != StackTarget.Aws;
        Uri? Url(string key, int nativePort) =>
            Get(key) is { } url ? ParseUrl(key, url)
            : local ? new Uri($"http://127.0.0.1:{nativePort}") : null;

        var defaults = ResourceNames.Defaults;
        var resources = new ResourceNames(
            Stream: Get("SANDBOX_STREAM") ?? defaults.Stream,
            StreamShards: ParseInt("SANDBOX_STREAM_SHARDS", Get("SANDBOX_STREAM_SHARDS")) ?? defaults.StreamShards,
            ArchiveBucket: Get("SANDBOX_ARCHIVE_BUCKET") ?? defaults.ArchiveBucket,
            StagingBucket: Get("SANDBOX_STAGING_BUCKET") ?? defaults.StagingBucket,
            ErrorBucket: Get("SANDBOX_ERROR_BUCKET") ?? defaults.ErrorBucket,
            ClickLogTable: Get("SANDBOX_CLICKLOG_TABLE") ?? defaults.ClickLogTable,
            LeaseTable: Get("SANDBOX_LEASE_TABLE") ?? defaults.LeaseTable);

        // Emulators take any key but s3rver insists on its own pair; real AWS uses the SDK chain.
        AwsKeys? keys = (Get("SANDBOX_ACCESS_KEY_ID"), Get("SANDBOX_SECRET_ACCESS_KEY")) switch
        {
            ({ } id, { } secret) => new AwsKeys(id, secret),
            _ when local => new AwsKeys("S3RVER", "S3RVER"),
            _ => null,
        };

        return new SandboxEndpoints(
            target,
            Url("SANDBOX_KINESIS_URL", NativePorts.Kinesis),
            Url("SANDBOX_S3_URL", NativePorts.S3),
            Url("SANDBOX_DYNAMODB_URL", NativePorts.DynamoDb),
            Get("SANDBOX_WAREHOUSE") ?? NativeWarehouse("sandbox_delivery"),
            Get("SANDBOX_REGION") ?? Get("AWS_REGION") ?? "ap-northeast-1",
            keys,
            resources)
        {
            ConsoleUrl = Get("SANDBOX_CONSOLE_URL") is { } console ? ParseUrl("SANDBOX_CONSOLE_URL", console) : null,
            SlackUrl = Get("SANDBOX_SLACK_URL") is { } slack ? ParseUrl("SANDBOX_SLACK_URL", slack) : null,
            AppDatabaseConnectionString = Get("SANDBOX_APPDB") ?? SandboxEndpoints.AppDatabaseDefault,
            AppDatabaseSyncConnectionString = Get("SANDBOX_APPDB_SYNC"),
            // One connection string for every role (e.g. a Redshift user) unless the roles are split.
            WarehouseAdminConnectionString = Get("SANDBOX_WAREHOUSE_ADMIN") ?? Get("SANDBOX_WAREHOUSE") ?? NativeWarehouse("sandbox_admin"),
            WarehouseAnalystConnectionString = Get("SANDBOX_WAREHOUSE_ANALYST") ?? Get("SANDBOX_WAREHOUSE") ?? NativeWarehouse("analyst"),
        };
    }

    // No password: the native stack generates them at `make up` into .sandbox/endpoints.env, so
    // without that file the server refuses the login (by design) instead of a guessable default.
    private static string NativeWarehouse(string role) =>
        $"Host=127.0.0.1;Port={NativePorts.Warehouse};Username={role};Database=warehouse";

    /// <summary>Parses KEY=VALUE lines (blank lines and # comments ignored, optional quotes).</summary>
    public static Dictionary<string, string> ParseEnvFile(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var eq = line.IndexOf('=');
            if (eq <= 0)
                throw new FormatException($"{path}:{lineNumber}: expected KEY=VALUE, got '{raw}'");
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
                value = value[1..^1];
            result[line[..eq].Trim()] = value;
        }
        return result;
    }

    /// <summary>SANDBOX_HOME/endpoints.env, else the nearest .sandbox/endpoints.env above the working directory.</summary>
    public static string? FindEnvFile()
    {
        if (Environment.GetEnvironmentVariable("SANDBOX_HOME") is { Length: > 0 } home)
        {
            var candidate = Path.Combine(home, EnvFileName);
            return File.Exists(candidate) ? candidate : null;
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".sandbox", EnvFileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static Dictionary<string, string> Merge(System.Collections.IDictionary environment, string? envFile)
    {
        var merged = envFile is null ? new Dictionary<string, string>(StringComparer.Ordinal) : ParseEnvFile(envFile);
        foreach (System.Collections.DictionaryEntry entry in environment)
            if (entry.Key is string key && key.StartsWith("SANDBOX_", StringComparison.Ordinal) || entry.Key is "AWS_REGION")
                merged[(string)entry.Key] = entry.Value as string ?? "";
        return merged;
    }

    private static StackTarget ParseTarget(string? value) => value?.ToLowerInvariant() switch
    {
        null or "native" => StackTarget.Native,
        "compose" => StackTarget.Compose,
        "aws" => StackTarget.Aws,
        _ => throw new FormatException($"SANDBOX_TARGET='{value}' is not one of native, compose, aws"),
    };

    private static Uri ParseUrl(string key, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"{key}='{value}' is not an http(s) URL");

    private static int? ParseInt(string key, string? value) => value is null ? null
        : int.TryParse(value, out var n) && n > 0 ? n
        : throw new FormatException($"{key}='{value}' is not a positive integer");
}
