using Sandbox.Redshift.S3;

namespace Sandbox.Redshift.Tests.S3;

public class S3StatementParserTests
{
    [Fact]
    public void Reads_a_firehose_style_copy()
    {
        var parsed = S3StatementParser.TryParse("""
            COPY public.events_stage (event_id, body) FROM 's3://stage/manifests/m1.json'
            CREDENTIALS 'aws_iam_role=arn:aws:iam::123456789012:role/firehose' MANIFEST FORMAT AS JSON 'auto ignorecase'
            GZIP TIMEFORMAT 'auto' MAXERROR 10 TRUNCATECOLUMNS ACCEPTINVCHARS;
            """)!;
        Assert.Null(parsed.Error);
        var copy = parsed.Copy!;
        Assert.Equal("public.events_stage", copy.Table);
        Assert.Equal(["event_id", "body"], copy.Columns);
        Assert.Equal(new S3Url("stage", "manifests/m1.json"), copy.Source);
        Assert.True(copy.Manifest && copy.Gzip && copy.IgnoreCase && copy.TruncateColumns);
        Assert.Equal(CopyFormat.Json, copy.Format);
        Assert.Equal(10, copy.MaxError);
        Assert.Equal("?", copy.AcceptInvChars);
    }

    [Fact]
    public void Reads_csv_options_and_jsonpaths()
    {
        var csv = S3StatementParser.TryParse("copy t from 's3://b/p/' iam_role default csv quote as '''' delimiter ';' ignoreheader 1")!.Copy!;
        Assert.Equal((CopyFormat.Csv, ';', '\'', 1L), (csv.Format, csv.Delimiter, csv.Quote, csv.IgnoreHeader));
        var paths = S3StatementParser.TryParse("copy t from 's3://b/data' json 's3://b/paths.json'")!.Copy!;
        Assert.Equal(new S3Url("b", "paths.json"), paths.JsonPaths);
    }

    [Theory]
    [InlineData("copy t from 's3://b/k' iam_role 'arn:aws:iam::12:role/x'", "22023", "IAM_ROLE", 24)]
    [InlineData("copy t from 's3://b/k' format as parquet", "0A000", "PARQUET", 34)]
    [InlineData("copy t from 's3://b/k' lzop", "0A000", "LZOP", 24)]
    [InlineData("copy t from 's3://b/k' maxerror -1", "22023", "MAXERROR", 33)]
    [InlineData("copy t from 's3://b/k' access_key_id 'AKIAXXXXXXXXXXXXXXXX'", "22023", "SECRET_ACCESS_KEY", 24)]
    [InlineData("copy t from 's3://b/k'; select 1", "0A000", "only statement", 1)]
    [InlineData("unload ('select 1') to 's3://b/p/' format parquet", "0A000", "PARQUET", 43)]
    public void Refuses_what_it_cannot_do_by_name_and_position(string sql, string state, string named, int position)
    {
        var error = S3StatementParser.TryParse(sql)!.Error!;
        Assert.Equal(state, error.SqlState);
        Assert.Contains(named, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("copy t from stdin")]
    [InlineData("copy t to '/tmp/x'")]
    [InlineData("select 'copy t from ''s3://b/k'''")]
    public void Leaves_other_statements_to_the_rewriter(string sql) => Assert.Null(S3StatementParser.TryParse(sql));

    [Fact]
    public void Reads_unload_with_its_options()
    {
        var unload = S3StatementParser.TryParse(
            "unload ('select * from venue where venuestate = ''NV''') to 's3://b/unload/venue_' iam_role 'arn:aws:iam::123456789012:role/r' " +
            "header csv gzip parallel off manifest verbose allowoverwrite maxfilesize 100 mb")!.Unload!;
        Assert.Equal("select * from venue where venuestate = 'NV'", unload.Query);
        Assert.Equal(new S3Url("b", "unload/venue_"), unload.Prefix);
        Assert.True(unload.Header && unload.Csv && unload.Gzip && !unload.Parallel && unload.Manifest && unload.ManifestVerbose && unload.AllowOverwrite);
        Assert.Equal(100_000_000, unload.MaxFileSize);
    }
}
