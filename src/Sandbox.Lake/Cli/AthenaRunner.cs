using Amazon.S3;
using DuckDB.NET.Data;
using Sandbox.Lake.Partitions;
using Sandbox.Lake.Sql;

namespace Sandbox.Lake.Cli;

/// <summary>Runs one Athena-style query over an archive bucket; failures become one line on <paramref name="errors"/>.</summary>
public static class AthenaRunner
{
    public static async Task<int> RunAsync(AthenaRequest request, IAmazonS3 s3, string bucket, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            request.Validate();
            var partitions = request.Partitions ?? PartitionPredicates.FromSql(request.Sql);
            var lake = new Lake(s3, bucket, request.Lake);
            await using var connection = await lake.OpenAsync(partitions, cancellationToken);
            if (request.Format == OutputFormat.Table)
                await ResultWriter.TableAsync(connection, request.Sql, output, cancellationToken);
            else
                await ResultWriter.FileAsync(connection, request.Statement, request.Format, request.OutputFile, output, cancellationToken);
            // On stderr, so csv/json on stdout stay clean.
            await errors.WriteLineAsync($"athena: s3://{bucket} {partitions}: {lake.Stats}");
            return 0;
        }
        catch (DuckDBException e)
        {
            await errors.WriteLineAsync($"athena: query failed: {SqlText.FirstLine(e.Message)}");
            return 1;
        }
        catch (LakeException e)
        {
            await errors.WriteLineAsync($"athena: {e.Message}");
            return 1;
        }
        catch (AmazonS3Exception e)
        {
            await errors.WriteLineAsync($"athena: S3 bucket '{bucket}': {e.Message}");
            return 1;
        }
        catch (HttpRequestException e)
        {
            await errors.WriteLineAsync($"athena: S3 unreachable ({e.Message}); is the stack up (make up)?");
            return 1;
        }
    }
}
