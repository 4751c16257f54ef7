namespace Sandbox.Redshift.Dialect.Tests;

public sealed class RedshiftRewriterTests
{
    private readonly RedshiftRewriter _rewriter = new();

    private string Sql(string redshift)
    {
        var result = _rewriter.Rewrite(redshift);
        Assert.Null(result.Error);
        return result.Sql;
    }

    [Theory]
    [InlineData("select dateadd(day, 7, ts) from t", "select redshift.dateadd('day', 7, ts) from t")]
    [InlineData("select DATEDIFF(yr, a, b)", "select redshift.datediff('year', a, b)")]
    [InlineData("select date_trunc('qtr', ts)", "select date_trunc('quarter', ts)")]
    [InlineData("select date_part(w, ts)", "select date_part('week', ts)")]
    [InlineData("select nvl(a, b, c)", "select coalesce(a, b, c)")]
    [InlineData("select nvl2(a, 'x', 'y')", "select (CASE WHEN (a) IS NOT NULL THEN 'x' ELSE 'y' END)")]
    [InlineData("select decode(c, 1, 'one', 2, 'two', 'many')", "select (CASE WHEN (c) IS NOT DISTINCT FROM (1) THEN 'one' WHEN (c) IS NOT DISTINCT FROM (2) THEN 'two' ELSE 'many' END)")]
    [InlineData("select decode(x, 'base64')", "select decode(x, 'base64')")]
    [InlineData("select sysdate", "select localtimestamp")]
    [InlineData("select getdate()", "select redshift.getdate()")]
    [InlineData("select approximate count(distinct u) from t", "select count(distinct u) from t")]
    [InlineData("select a from t minus select a from u", "select a from t EXCEPT select a from u")]
    [InlineData("select top 10 a from t order by a", "select a from t order by a LIMIT 10")]
    [InlineData("select * from (select distinct top 3 a from t) s", "select * from (select distinct a from t LIMIT 3) s")]
    [InlineData("create table t (s varchar(max), j super)", "create table t (s varchar(65535), j jsonb)")]
    [InlineData("select x::super, cast(y as super)", "select x::jsonb, cast(y as jsonb)")]
    public void Rewrites_redshift_constructs(string redshift, string postgres) => Assert.Equal(postgres, Sql(redshift));

    [Fact]
    public void Calls_nest_and_keep_comments_and_layout()
    {
        Assert.Equal(
            "select coalesce(redshift.dateadd('day', 1, ts), /* keep */ redshift.getdate())\nfrom t",
            Sql("select nvl(dateadd(d, 1, ts), /* keep */ getdate())\nfrom t"));
    }

    [Fact]
    public void Listagg_becomes_string_agg_in_aggregate_and_window_form()
    {
        Assert.Equal("select string_agg((name)::varchar, ', ' order by name) from t",
            Sql("select listagg(name, ', ') within group (order by name) from t"));
        Assert.Equal("select string_agg((name)::varchar, ',') OVER (partition by g ORDER BY name ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) from t",
            Sql("select listagg(name, ',') within group (ORDER BY name) over (partition by g) from t"));
    }

    [Fact]
    public void Table_design_is_stripped_and_recorded_by_a_followup()
    {
        var result = _rewriter.Rewrite(
            "create table sales (id int identity(1, 1), seller int distkey, note varchar(20) encode zstd, ts timestamp sortkey) " +
            "diststyle key backup no;");
        Assert.Null(result.Error);
        Assert.Equal("create table sales (id int GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1 MINVALUE 1), seller int , note varchar(20) , ts timestamp ) ;",
            result.Sql);
        Assert.Equal(
            ["CALL redshift.record_table_design('sales'::regclass, 'KEY', 'seller', 'COMPOUND', ARRAY['ts']::text[], false, ARRAY[ARRAY['note', 'zstd']]::text[], false)"],
            result.Followups);
    }

    [Fact]
    public void A_table_without_redshift_design_needs_no_followup()
    {
        var result = _rewriter.Rewrite("create table plain (a int primary key)");
        Assert.Equal("create table plain (a int primary key)", result.Sql);
        Assert.Empty(result.Followups);
    }

    [Fact]
    public void Vacuum_variants_become_postgresql_vacuum_and_record_the_sort()
    {
        var result = _rewriter.Rewrite("vacuum reindex public.sales to 75 percent boost");
        Assert.Equal("VACUUM public.sales", result.Sql);
        Assert.Equal(["REINDEX TABLE public.sales", "CALL redshift.record_vacuum('public.sales'::regclass)"], result.Followups);
        Assert.Empty(_rewriter.Rewrite("vacuum delete only sales").Followups);
    }

    [Fact]
    public void Session_parameters_only_redshift_has_become_custom_settings()
    {
        Assert.Equal("set redshift.query_group to 'reports'", Sql("set query_group to 'reports'"));
        Assert.Equal("SELECT nullif(current_setting('redshift.query_group', true), '') AS query_group", Sql("show query_group"));
        Assert.Equal("set statement_timeout to 1000", Sql("set statement_timeout to 1000"));
    }

    [Fact]
    public void Several_statements_are_rewritten_each_with_their_followups()
    {
        var result = _rewriter.Rewrite("create table a (x int) sortkey(x); select top 1 x from a;");
        Assert.Equal("create table a (x int) ; select x from a LIMIT 1;", result.Sql);
        Assert.Single(result.Followups);
    }
}
