using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>Durable, atomic writes of stream.json: temp file, fsync, rename, fsync of the folder.</summary>
internal static class MetadataFile
{
    public const string FileName = "stream.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new UInt128AsString() },
    };

    public static void Write(string directory, StreamInfo info)
    {
        var path = Path.Combine(directory, FileName);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, info, Options);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        SyncDirectory(directory);
    }

    public static StreamInfo? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<StreamInfo>(stream, Options)
            ?? throw new InvalidDataException($"{path} holds no stream description");
    }

    /// <summary>Makes a rename or a new file durable: fsync of the folder entry (Linux; .NET cannot open folders).</summary>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = NativeMethods.open(directory, 0 /* O_RDONLY */);
        if (fd < 0) return; // best effort: the rename itself is atomic
        NativeMethods.fsync(fd);
        NativeMethods.close(fd);
    }

    private static class NativeMethods
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        public static extern int open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        public static extern int fsync(int fd);

        [System.Runtime.InteropServices.DllImport("libc")]
        public static extern int close(int fd);
    }

    private sealed class UInt128AsString : JsonConverter<UInt128>
    {
        public override UInt128 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            UInt128.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, UInt128 value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
