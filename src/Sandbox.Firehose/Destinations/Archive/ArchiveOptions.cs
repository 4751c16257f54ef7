using Sandbox.Firehose.Naming;

namespace Sandbox.Firehose.Destinations.Archive;

/// <summary>The S3 destination's settings, named as in AWS' ExtendedS3DestinationConfiguration.</summary>
public sealed record ArchiveOptions
{
    public required string Bucket { get; init; }

    /// <summary>Empty gives AWS' default layout YYYY/MM/DD/HH/.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>AWS' default when none is set puts failures under &lt;error-output-type&gt;/YYYY/MM/DD/HH/.</summary>
    public string ErrorOutputPrefix { get; init; } = "!{firehose:error-output-type}/";

    /// <summary>Applies AWS' rules: expressions in Prefix need an ErrorOutputPrefix, whose expressions need the error type.</summary>
    public (PrefixExpression Prefix, PrefixExpression ErrorPrefix) Parse()
    {
        var prefix = PrefixExpression.Parse(Prefix, nameof(Prefix));
        var errors = PrefixExpression.Parse(ErrorOutputPrefix, nameof(ErrorOutputPrefix));
        if (prefix.UsesErrorOutputType)
            throw new FormatException($"Prefix '{Prefix}': !{{firehose:error-output-type}} belongs in ErrorOutputPrefix only");
        if (ErrorOutputPrefix.Contains("!{", StringComparison.Ordinal) && !errors.UsesErrorOutputType)
            throw new FormatException(
                $"ErrorOutputPrefix '{ErrorOutputPrefix}': an error prefix with expressions must contain !{{firehose:error-output-type}}");
        return (prefix, errors);
    }
}
