namespace Sandbox.Redshift.Dialect.Tests;

/// <summary>Issue #12 "Bad input": odd quoting and malformed SQL never break the rewriter.</summary>
public sealed class BadInputTests
{
    private readonly RedshiftRewriter _rewriter = new();

    [Theory]
    [InlineData("select 'DATEADD(day' as s")]
    [InlineData("select \"dateadd\", \"nvl\"(1) from t")]
    [InlineData("select 1 /* dateadd(day, 1, x) top 5 */ -- minus select 2")]
    [InlineData("select $$ nvl(a, b) listagg( $$, $q$ select top 1 $q$")]
    [InlineData("select E'it\\'s sysdate'")]
    [InlineData("select t.sysdate, s.nvl(1) from t")]
    [InlineData("select pivot, unpivot from t")]
    public void Quoted_and_commented_text_passes_through_untouched(string sql) => AssertUnchanged(sql);

    [Theory]
    [InlineData("vacuum (analyze) \"events\"")]
    [InlineData("vacuum full analyze events")]
    [InlineData("vacuum verbose")]
    [InlineData("insert into events (event_id, properties) select e, p::jsonb from x on conflict (event_id) do nothing")]
    [InlineData("copy events (event_id) from stdin (format binary)")]
    [InlineData("create table k (id bigserial primary key, h text default encode(gen_random_bytes(4), 'hex'), unique (h))")]
    [InlineData("select date_trunc('day', event_time at time zone 'Asia/Tokyo'), properties->>'query', count(*) filter (where x) from events group by 1, 2")]
    [InlineData("select decode(body, 'base64'), percentile_cont(0.5) within group (order by v) from t")]
    public void PostgreSQL_the_sandbox_tools_send_passes_unchanged(string sql) => AssertUnchanged(sql);

    private void AssertUnchanged(string sql)
    {
        var result = _rewriter.Rewrite(sql);
        Assert.Equal(sql, result.Sql);
        Assert.Null(result.Error);
        Assert.Empty(result.Followups);
    }

    [Theory]
    [InlineData("select dateadd(day, 1")]
    [InlineData("select nvl(a, (b)")]
    [InlineData("select listagg(x) within group (order by")]
    [InlineData("select 'unterminated dateadd(day, 1, x)")]
    [InlineData("select /* unterminated")]
    [InlineData("create table t (a int distkey")]
    [InlineData("selec dateadd from where ((")]
    [InlineData(")))(((;;;")]
    [InlineData("")]
    public void Malformed_sql_is_passed_on_for_postgresql_to_report(string sql)
    {
        var result = _rewriter.Rewrite(sql);
        Assert.Null(result.Error);
        Assert.NotNull(result.Sql);
    }

    [Fact]
    public void An_unterminated_string_leaves_the_whole_text_unchanged_so_positions_stay_right()
    {
        const string sql = "select dateadd(day, 1, x), 'oops";
        Assert.Equal(sql, _rewriter.Rewrite(sql).Sql);
    }

    [Fact]
    public void An_unknown_function_is_left_for_postgresql_to_name()
    {
        var result = _rewriter.Rewrite("select hll_cardinality(x) from t");
        Assert.Equal("select hll_cardinality(x) from t", result.Sql);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("select * from t pivot (sum(x) for y in ('a'))", "PIVOT", 17)]
    [InlineData("select a from t qualify row_number() over () = 1", "QUALIFY", 17)]
    [InlineData("create external table s.t (a int) location 's3://b/'", "CREATE EXTERNAL TABLE", 1)]
    [InlineData("alter table t alter distkey a", "ALTER DISTKEY", 15)]
    [InlineData("select x::geometry", "GEOMETRY", 11)]
    [InlineData("select top 1 a from t union select b from u", "UNION", 8)]
    [InlineData("vacuum t to 101 percent", "101", 13)]
    public void An_unsupported_construct_is_refused_by_name_at_its_position(string sql, string named, int position)
    {
        var error = _rewriter.Rewrite(sql).Error;
        Assert.NotNull(error);
        Assert.Contains(named, error.Message);
        Assert.Equal(position, error.Position);
        Assert.Matches("^(0A000|22023)$", error.SqlState);
    }

    [Fact]
    public void Random_fragments_of_the_corpus_never_throw()
    {
        var random = new Random(12);
        var corpus = string.Join("\n", Corpus.CorpusFile.All().Select(c => c.Sql));
        for (var i = 0; i < 3000; i++)
        {
            var start = random.Next(corpus.Length);
            var fragment = corpus.Substring(start, Math.Min(random.Next(1, 200), corpus.Length - start));
            var result = _rewriter.Rewrite(fragment);
            Assert.NotNull(result.Sql);
            Assert.NotEqual("XX000", result.Error?.SqlState);
        }
    }
}
