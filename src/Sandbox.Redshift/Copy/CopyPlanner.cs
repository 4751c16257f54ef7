using System.Text.Json;
using Sandbox.Aws.Manifests;
using Sandbox.Redshift.Dialect;
using Sandbox.Redshift.S3;

namespace Sandbox.Redshift.Copy;

/// <summary>Resolves a COPY before PostgreSQL's COPY starts: the objects to read and the columns to load.</summary>
internal static class CopyPlanner
{
    public sealed class PlanException(string sqlState, string message) : Exception(message)
    {
        public DialectError Error => new(sqlState, Message, 0);
    }

    /// <exception cref="PlanException">What Redshift would refuse before loading: a missing manifest, prefix or column.</exception>
    public static async Task<CopyPlan> PlanAsync(CopyCommand command, IReadOnlyList<TargetColumn> table, S3Store s3, CancellationToken ct)
    {
        if (table.Count == 0) throw new PlanException("42P01", $"relation \"{command.Table}\" does not exist");
        var columns = SelectColumns(command, table);
        var objects = command.Manifest ? await FromManifestAsync(command.Source, s3, ct) : await FromPrefixAsync(command.Source, s3, ct);
        List<JsonPath>? paths = null;
        if (command.JsonPaths is { } pathsUrl)
        {
            var text = await s3.TryReadTextAsync(pathsUrl, ct)
                ?? throw new PlanException("XX000", $"JSONPaths file {pathsUrl} does not exist");
            try { paths = JsonPath.ParseFile(text); }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                throw new PlanException("XX000", $"Invalid JSONPath format in {pathsUrl}: {e.Message}");
            }
            if (paths.Count != columns.Count)
                throw new PlanException("XX000", $"Number of jsonpaths ({paths.Count}) and the number of columns ({columns.Count}) should match");
        }
        return new CopyPlan(command, objects, columns, paths, table[0].TableOid);
    }

    private static List<TargetColumn> SelectColumns(CopyCommand command, IReadOnlyList<TargetColumn> table)
    {
        if (command.Columns.Count == 0) return table.Where(c => !c.Generated).ToList();
        return command.Columns.Select(name => table.FirstOrDefault(c => c.Name == name)
            ?? throw new PlanException("42703", $"column \"{name}\" of relation \"{command.Table}\" does not exist")).ToList();
    }

    private static async Task<List<SourceObject>> FromPrefixAsync(S3Url prefix, S3Store s3, CancellationToken ct)
    {
        var keys = await s3.ListAsync(prefix, ct);
        var objects = keys.Where(k => !k.Key.EndsWith('/')).Select(k => new SourceObject(prefix.WithKey(k.Key), true, k.Size)).ToList();
        return objects.Count > 0 ? objects
            : throw new PlanException("XX000", $"The specified S3 prefix '{prefix.Key}' does not exist (bucket {prefix.Bucket})");
    }

    /// <summary>Redshift's manifest (<see cref="CopyManifest"/>): the objects in its order, each mandatory or not.</summary>
    private static async Task<List<SourceObject>> FromManifestAsync(S3Url manifest, S3Store s3, CancellationToken ct)
    {
        var text = await s3.TryReadTextAsync(manifest, ct)
            ?? throw new PlanException("XX000", $"Manifest file {manifest} does not exist");
        try
        {
            return CopyManifest.Parse(System.Text.Encoding.UTF8.GetBytes(text)).Entries
                .Select(e => new SourceObject(new S3Url(e.Bucket, e.Key), e.Mandatory, e.ContentLength)).ToList();
        }
        catch (FormatException e)
        {
            throw new PlanException("XX000", $"Manifest file {manifest} is not valid: {e.Message}");
        }
    }
}
