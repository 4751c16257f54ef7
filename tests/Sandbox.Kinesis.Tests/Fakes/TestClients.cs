using Amazon.Runtime;

namespace Sandbox.Kinesis.Tests.Fakes;

public static class TestClients
{
    public const string AccessKey = "AKIDEXAMPLE";

    public static KinesisClient Over(FakeKinesisHandler handler, string region = "ap-northeast-1", TimeSpan? timeout = null) =>
        KinesisClient.Create(
            new KinesisClientOptions(new Uri("http://127.0.0.1:4567"), region, new BasicAWSCredentials(AccessKey, "dummy-secret"))
            {
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
            },
            handler);
}
