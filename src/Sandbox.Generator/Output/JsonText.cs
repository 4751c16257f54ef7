using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sandbox.Generator.Output;

/// <summary>Pre-escapes strings once (UTF-8, Japanese kept readable) so the writer copies bytes on the hot path.</summary>
public static class JsonText
{
    public static byte[] Encode(string value) =>
        JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes.ToArray();

    public static byte[][] Encode(IEnumerable<string> values) => values.Select(Encode).ToArray();
}
