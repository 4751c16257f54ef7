using Plan = Sandbox.Core.TrackingPlan.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Generator.Output;
using Sandbox.Generator.Sinks.Bulk;
using Sandbox.Generator;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis;

namespace Sandbox.Generator.Sinks.Kinesis;

/// <summary>Output (b): generate straight into a Kinesis stream, manifest in the output folder.</summary>
public static class KinesisGeneration
{
    public static async Task<(GenerationTruth Manifest, KinesisSendSummary Summary)> RunAsync(
        GeneratorConfig config, string outputDirectory, bool overwrite, Plan plan,
        IKinesisClient client, KinesisSinkOptions options, Action<KinesisEventSink, GeneratorRunner>? onStarted = null)
    {
        await EnsureStreamAsync(client, options.StreamName);
        var sink = new KinesisEventSink(client, options, config.Servers);
        // The merge needs every server generating at once: one thread each, started without the pool's ramp-up.
        ThreadPool.GetMinThreads(out var workers, out var io);
        var needed = config.Servers + options.Senders + 2;
        if (workers < needed) ThreadPool.SetMinThreads(needed, io);

        sink.Start();
        GenerationTruth? manifest = null;
        var generation = Task.Run(() => manifest = TruthfulGeneration.Run(
            config, outputDirectory, config.Servers, overwrite, plan, sink,
            runner => onStarted?.Invoke(sink, runner)).Manifest);
        try
        {
            await generation;
        }
        catch (Exception generatorError)
        {
            sink.Cancel();
            KinesisSendSummary summary;
            try
            {
                summary = await sink.CompleteAsync();
            }
            catch (KinesisSendException sendError) when (!StoppedBySend(generatorError))
            {
                // Otherwise a give-up stopped the generator with a cancellation: the send's error, with its counts, propagates.
                summary = sendError.Summary;
            }
            throw new KinesisSendException("generation failed", summary, generatorError);
        }
        return (manifest!, await sink.CompleteAsync());
    }

    private static bool StoppedBySend(Exception generatorError) =>
        generatorError is OperationCanceledException
        || generatorError is AggregateException all && all.Flatten().InnerExceptions.All(e => e is OperationCanceledException);

    private static async Task EnsureStreamAsync(IKinesisClient client, string stream)
    {
        try
        {
            await client.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = stream });
        }
        catch (KinesisException e)
        {
            throw new InvalidGeneratorConfigException([$"--stream: '{stream}' cannot be used: {e.Message} (bootstrap the stack first: make up)"]);
        }
    }
}
