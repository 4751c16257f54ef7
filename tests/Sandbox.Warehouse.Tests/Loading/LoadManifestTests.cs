using System.Text;
using Sandbox.Warehouse.Loading;

namespace Sandbox.Warehouse.Tests.Loading;

public class LoadManifestTests
{
    private static readonly S3Location Manifest = new("stage", "manifests/m1");

    [Fact]
    public void Reads_redshift_entries_with_mandatory_defaulting_to_false_and_the_size_when_given()
    {
        var manifest = Parse("""{"entries":[{"url":"s3://b/k/1.gz","mandatory":true},{"url":"s3://b/k/2.gz","meta":{"content_length":12}}]}""");

        Assert.Equal([new ManifestEntry(new S3Location("b", "k/1.gz"), true), new ManifestEntry(new S3Location("b", "k/2.gz"), false, 12)], manifest.Entries);
    }

    /// <summary>One manifest model: what Firehose writes (<see cref="CopyManifest.Of"/>) is what the loaders read.</summary>
    [Fact]
    public void Reads_what_the_writer_writes()
    {
        var written = Sandbox.Aws.Manifests.CopyManifest.Of("stage", "2026/12/07/to-warehouse-1", 1234).ToJson();

        Assert.Equal("""{"entries":[{"url":"s3://stage/2026/12/07/to-warehouse-1","mandatory":true,"meta":{"content_length":1234}}]}""",
            Encoding.UTF8.GetString(written));
        Assert.Equal([new ManifestEntry(new S3Location("stage", "2026/12/07/to-warehouse-1"), true, 1234)], LoadManifest.Parse(Manifest, written).Entries);
    }

    [Theory]
    [InlineData("{\"entries\":", "is not a COPY manifest: it is not valid JSON")]
    [InlineData("{\"files\":[]}", "is not a COPY manifest: it has no \"entries\" array")]
    [InlineData("{\"entries\":[{\"mandatory\":true}]}", "entries[0] has no \"url\" string")]
    [InlineData("{\"entries\":[{\"url\":\"s3://b/k\",\"mandatory\":\"yes\"}]}", "entries[0].mandatory must be true or false")]
    [InlineData("{\"entries\":[{\"url\":\"https://b/k\"}]}", "entries[0].url 'https://b/k' is not of the form s3://bucket/key")]
    [InlineData("{\"entries\":[{\"url\":\"s3://bucket-only/\"}]}", "is not of the form s3://bucket/key")]
    public void Bad_manifest_is_refused_naming_it_and_the_problem(string json, string problem)
    {
        var error = Assert.Throws<LoadManifestException>(() => Parse(json));

        Assert.Contains("s3://stage/manifests/m1", error.Message);
        Assert.Contains(problem, error.Message);
    }

    private static LoadManifest Parse(string json) => LoadManifest.Parse(Manifest, Encoding.UTF8.GetBytes(json));
}
