using System.Text;

namespace Sandbox.DynamoDb.Server.Model;

/// <summary>DynamoDB's item size: attribute names' UTF-8 lengths plus each value's size (what the 400 KB and 1 MB limits count).</summary>
public static class ItemSize
{
    public const int MaxItemBytes = 400 * 1024;

    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var size = 0;
        foreach (var (name, value) in item) size += Encoding.UTF8.GetByteCount(name) + Of(value);
        return size;
    }

    public static int Of(AttributeValue value) => value.Type switch
    {
        AttributeType.S => Encoding.UTF8.GetByteCount(value.Text!),
        AttributeType.N => NumberSize(value.Text!),
        AttributeType.B => value.Binary!.Length,
        AttributeType.BOOL or AttributeType.NULL => 1,
        AttributeType.SS => value.Texts!.Sum(Encoding.UTF8.GetByteCount),
        AttributeType.NS => value.Texts!.Sum(NumberSize),
        AttributeType.BS => value.Binaries!.Sum(b => b.Length),
        AttributeType.L => 3 + value.List!.Sum(member => 1 + Of(member)),
        _ => 3 + value.Map!.Sum(kv => 1 + Encoding.UTF8.GetByteCount(kv.Key) + Of(kv.Value)),
    };

    // DynamoDB stores about two significant digits per byte, plus one.
    private static int NumberSize(string number)
    {
        var digits = 0;
        foreach (var c in number)
        {
            if (c is 'e' or 'E') break;
            if (char.IsAsciiDigit(c)) digits++;
        }
        return (digits + 1) / 2 + 1;
    }
}
