namespace Sandbox.DynamoDb.Server.Model;

/// <summary>The DynamoDB data types, named as on the wire.</summary>
public enum AttributeType : byte { S, N, B, BOOL, NULL, SS, NS, BS, L, M }

/// <summary>
/// One DynamoDB value, immutable once built. S and N keep their text (N as the client wrote it);
/// sets keep their members in the order given.
/// </summary>
public sealed class AttributeValue
{
    private AttributeValue(AttributeType type) => Type = type;

    public AttributeType Type { get; }
    /// <summary>The text of an S or an N.</summary>
    public string? Text { get; private init; }
    public byte[]? Binary { get; private init; }
    public bool Bool { get; private init; }
    /// <summary>Members of an SS or an NS.</summary>
    public IReadOnlyList<string>? Texts { get; private init; }
    public IReadOnlyList<byte[]>? Binaries { get; private init; }
    public IReadOnlyList<AttributeValue>? List { get; private init; }
    public IReadOnlyDictionary<string, AttributeValue>? Map { get; private init; }

    public static readonly AttributeValue Null = new(AttributeType.NULL);
    public static readonly AttributeValue True = new(AttributeType.BOOL) { Bool = true };
    public static readonly AttributeValue False = new(AttributeType.BOOL) { Bool = false };

    public static AttributeValue String(string value) => new(AttributeType.S) { Text = value };
    public static AttributeValue Number(string value) => new(AttributeType.N) { Text = value };
    public static AttributeValue Bytes(byte[] value) => new(AttributeType.B) { Binary = value };
    public static AttributeValue StringSet(IReadOnlyList<string> values) => new(AttributeType.SS) { Texts = values };
    public static AttributeValue NumberSet(IReadOnlyList<string> values) => new(AttributeType.NS) { Texts = values };
    public static AttributeValue BinarySet(IReadOnlyList<byte[]> values) => new(AttributeType.BS) { Binaries = values };
    public static AttributeValue Of(IReadOnlyList<AttributeValue> values) => new(AttributeType.L) { List = values };
    public static AttributeValue Of(IReadOnlyDictionary<string, AttributeValue> values) => new(AttributeType.M) { Map = values };

    public bool IsScalarKeyType => Type is AttributeType.S or AttributeType.N or AttributeType.B;
    public bool IsSet => Type is AttributeType.SS or AttributeType.NS or AttributeType.BS;

    /// <summary>DynamoDB's equality: same type and same value (numbers by value, sets as sets, lists and maps deeply).</summary>
    public bool ValueEquals(AttributeValue other)
    {
        if (Type != other.Type) return false;
        return Type switch
        {
            AttributeType.S => Text == other.Text,
            AttributeType.N => Numbers.Compare(Text!, other.Text!) == 0,
            AttributeType.B => Binary!.AsSpan().SequenceEqual(other.Binary),
            AttributeType.BOOL => Bool == other.Bool,
            AttributeType.NULL => true,
            AttributeType.SS => Texts!.Count == other.Texts!.Count && Texts.All(other.Texts.Contains),
            AttributeType.NS => Texts!.Count == other.Texts!.Count && Texts.All(a => other.Texts.Any(b => Numbers.Compare(a, b) == 0)),
            AttributeType.BS => Binaries!.Count == other.Binaries!.Count && Binaries.All(a => other.Binaries.Any(b => a.AsSpan().SequenceEqual(b))),
            AttributeType.L => List!.Count == other.List!.Count && List.Zip(other.List).All(p => p.First.ValueEquals(p.Second)),
            _ => Map!.Count == other.Map!.Count && Map.All(kv => other.Map.TryGetValue(kv.Key, out var v) && kv.Value.ValueEquals(v)),
        };
    }

    /// <summary>Order of two scalars of one type (S and B by bytes, N by value), as key conditions and comparisons use.</summary>
    public static int CompareScalars(AttributeValue a, AttributeValue b) => a.Type switch
    {
        AttributeType.S => string.CompareOrdinal(a.Text, b.Text) switch { 0 => 0, _ => Utf8Compare(a.Text!, b.Text!) },
        AttributeType.N => Numbers.Compare(a.Text!, b.Text!),
        AttributeType.B => a.Binary!.AsSpan().SequenceCompareTo(b.Binary),
        _ => throw new InvalidOperationException($"{a.Type} values have no order"),
    };

    // Ordinal UTF-16 order differs from UTF-8 byte order only around surrogates; DynamoDB orders by UTF-8 bytes.
    private static int Utf8Compare(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] == b[i]) continue;
            bool sa = char.IsSurrogate(a[i]), sb = char.IsSurrogate(b[i]);
            if (sa == sb) return a[i].CompareTo(b[i]);
            // a surrogate (U+10000 and up) sorts after every BMP character in UTF-8
            return sa ? 1 : -1;
        }
        return a.Length.CompareTo(b.Length);
    }
}
