using System.Text;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Tests.Support;

public static class Records
{
    public static AppendRecord[] Make(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new AppendRecord($"key-{i}", Encoding.UTF8.GetBytes($"record-{i}"))).ToArray();

    public static List<string> ReadAll(ShardLog log, long from = 0)
    {
        using var result = log.Read(from, int.MaxValue, long.MaxValue);
        return result.Records.Select(r => Encoding.UTF8.GetString(r.Data)).ToList();
    }
}
