using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Tests.Syntax;

public sealed class SqlTokenizerTests
{
    private static List<Token> Significant(string sql) => SqlTokenizer.Tokenize(sql).Where(t => !t.IsTrivia).ToList();

    [Theory]
    [InlineData("select 'it''s DATEADD(day' x", "'it''s DATEADD(day'")]
    [InlineData(@"select E'a\'b, nvl(' x", @"E'a\'b, nvl('")]
    [InlineData("select $$ nvl(a, b) 'x $$ x", "$$ nvl(a, b) 'x $$")]
    [InlineData("select $fn$ a $$ b $fn$ x", "$fn$ a $$ b $fn$")]
    public void A_literal_is_one_token_whatever_it_holds(string sql, string literal)
    {
        var tokens = Significant(sql);
        Assert.Equal(["select", literal, "x"], tokens.Select(t => t.Text));
        Assert.Contains(tokens[1].Kind, new[] { TokenKind.String, TokenKind.DollarString });
    }

    [Fact]
    public void Quoted_identifiers_keep_doubled_quotes_and_fold_only_when_unquoted()
    {
        var tokens = Significant("select \"Date\"\"Add\", DateAdd");
        Assert.Equal(TokenKind.QuotedIdentifier, tokens[1].Kind);
        Assert.Equal("Date\"Add", tokens[1].Identifier);
        Assert.Equal("dateadd", tokens[3].Identifier);
    }

    [Fact]
    public void Comments_nest_and_end_where_postgresql_ends_them()
    {
        var tokens = SqlTokenizer.Tokenize("select /* a /* b */ still comment */ 1 -- top 5\n, 2");
        Assert.Equal(["select", "1", ",", "2"], tokens.Where(t => !t.IsTrivia).Select(t => t.Text));
        Assert.Equal(2, tokens.Count(t => t.Kind == TokenKind.Comment));
    }

    [Theory]
    [InlineData("select 'unterminated")]
    [InlineData("select \"unterminated")]
    [InlineData("select /* unterminated /* */")]
    [InlineData("select $$ unterminated")]
    public void An_unterminated_construct_is_one_token_to_the_end(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        Assert.Equal(TokenKind.Unterminated, tokens[^1].Kind);
        Assert.Equal(sql, string.Concat(tokens.Select(t => t.Text)));
    }

    [Theory]
    [InlineData("select a::int, $1, 1.5e3, .5, x->>'k' from t where a<>b;")]
    [InlineData("SELECT 'a' || \"b\" /* c */ -- d\n FROM e")]
    public void Tokens_concatenate_back_to_the_input_with_their_positions(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        Assert.Equal(sql, string.Concat(tokens.Select(t => t.Text)));
        Assert.All(tokens, t => Assert.Equal(t.Text, sql.Substring(t.Start, t.Text.Length)));
    }

    [Fact]
    public void Casts_parameters_and_numbers_are_told_apart()
    {
        var tokens = Significant("a::int $2 1e5 -- x");
        Assert.Equal([TokenKind.Word, TokenKind.Operator, TokenKind.Word, TokenKind.Parameter, TokenKind.Number], tokens.Select(t => t.Kind));
    }
}
