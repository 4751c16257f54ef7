using System.Text;
using System.Text.Json;
using Sandbox.Core.Events;

namespace Sandbox.Shipper.Records;

/// <summary>Why a line travels with a fallback partition key instead of its user's.</summary>
public enum KeySource { UserId, AnonymousId, FallbackNotJson, FallbackNoId }

/// <summary>
/// The partition key of an event line: user_id, else anonymous_id (so one user's events land on
/// one shard, in order). A line that is not a JSON object, or names neither id, still ships, keyed
/// by a hash of its bytes: the tracking-plan check downstream (Firehose) sends it to bad_events.
/// Reads the line once with Utf8JsonReader, which also proves it is well-formed JSON.
/// </summary>
public static class PartitionKey
{
    /// <summary>Kinesis' limit, in Unicode characters.</summary>
    public const int MaxLength = 256;
    public const string FallbackPrefix = "unkeyed-";

    public static (string Key, KeySource Source) For(ReadOnlySpan<byte> line)
    {
        string? user = null, anonymous = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (Fallback(line), KeySource.FallbackNotJson);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isUser = reader.ValueTextEquals(EnvelopeFields.UserId);
                var isAnonymous = !isUser && reader.ValueTextEquals(EnvelopeFields.AnonymousId);
                reader.Read();
                if (isUser) user = UsableId(ref reader);
                else if (isAnonymous) anonymous = UsableId(ref reader);
                else reader.Skip();
            }
            // Anything after the top-level object (a second value, a torn copy) makes the line malformed.
            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read())
                return (Fallback(line), KeySource.FallbackNotJson);
        }
        catch (JsonException)
        {
            return (Fallback(line), KeySource.FallbackNotJson);
        }
        return user is not null ? (user, KeySource.UserId)
            : anonymous is not null ? (anonymous, KeySource.AnonymousId)
            : (Fallback(line), KeySource.FallbackNoId);
    }

    private static string? UsableId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) { reader.Skip(); return null; }
        var value = reader.ValueIsEscaped ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
        return value.Length is > 0 and <= MaxLength && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>Stable across restarts (a recovered chunk gets the same keys) and spread over shards.</summary>
    public static string Fallback(ReadOnlySpan<byte> line)
    {
        // FNV-1a 64: cheap, and only malformed lines pay for it.
        var hash = 14695981039346656037UL;
        foreach (var b in line) hash = (hash ^ b) * 1099511628211UL;
        return FallbackPrefix + hash.ToString("x16");
    }
}
