using System.Text;
using Sandbox.ClickLog.Mapping;
using Record = Sandbox.Kinesis.Model.Record;

namespace Sandbox.ClickLog.Tests.Mapping;

public sealed class FilterPatternTests
{
    private static Record RecordOf(string data, string partitionKey = "key-1") =>
        new() { Data = Encoding.UTF8.GetBytes(data), PartitionKey = partitionKey, SequenceNumber = "1" };

    [Theory]
    [InlineData("""{"event_name":"click_product_link"}""", FilterVerdict.Match)]
    [InlineData("""{"event_name":"logout"}""", FilterVerdict.NoMatch)]
    [InlineData("""{"other":1}""", FilterVerdict.NoMatch)]
    [InlineData("not json", FilterVerdict.DataNotJson)]
    [InlineData("[1,2]", FilterVerdict.DataNotJson)]
    // Records the quick scan could pass over: escaped names, the name elsewhere, broken or extra JSON.
    [InlineData("""{"event_name":"click\u005fproduct_link"}""", FilterVerdict.Match)]
    [InlineData("""{"event_name":"logout","previous":"click_product_link"}""", FilterVerdict.NoMatch)]
    [InlineData("""{"event_name":"logout\"}""", FilterVerdict.DataNotJson)]
    [InlineData("{\"event_name\":\"logout\"", FilterVerdict.DataNotJson)]
    [InlineData("""{"event_name":"logout"} {}""", FilterVerdict.DataNotJson)]
    [InlineData("""{"event_name":"logout"} """, FilterVerdict.NoMatch)]
    [InlineData("\"click_product_link\"", FilterVerdict.DataNotJson)]
    public void Event_name_filter(string data, FilterVerdict expected) =>
        Assert.Equal(expected, FilterCriteria.EventNames("click_product_link").Evaluate(RecordOf(data)));

    [Theory]
    [InlineData("""{"data":{"properties":{"source":[{"prefix":"prod"}]}}}""", """{"properties":{"source":"product_detail"}}""", true)]
    [InlineData("""{"data":{"properties":{"source":[{"prefix":"prod"}]}}}""", """{"properties":{"source":"post"}}""", false)]
    [InlineData("""{"data":{"platform":[{"anything-but":["web"]}]}}""", """{"platform":"ios"}""", true)]
    [InlineData("""{"data":{"platform":[{"anything-but":["web"]}]}}""", """{"platform":"web"}""", false)]
    [InlineData("""{"data":{"user_id":[{"exists":false}]}}""", """{"anonymous_id":"a"}""", true)]
    [InlineData("""{"data":{"user_id":[{"exists":false}]}}""", """{"user_id":"u"}""", false)]
    [InlineData("""{"data":{"user_id":[{"exists":true}]}}""", """{"user_id":"u"}""", true)]
    [InlineData("""{"data":{"price":[{"numeric":[">=",1000,"<",2000]}]}}""", """{"price":1980}""", true)]
    [InlineData("""{"data":{"price":[{"numeric":[">=",1000,"<",2000]}]}}""", """{"price":2000}""", false)]
    [InlineData("""{"data":{"tags":["sale"]}}""", """{"tags":["new","sale"]}""", true)]
    [InlineData("""{"partitionKey":["key-1"]}""", "not json at all", true)]
    [InlineData("""{"partitionKey":["key-2"]}""", "not json at all", false)]
    public void Pattern_rules(string pattern, string data, bool matches) =>
        Assert.Equal(matches ? FilterVerdict.Match : FilterVerdict.NoMatch, FilterCriteria.Parse(pattern).Evaluate(RecordOf(data)));

    [Fact]
    public void Any_of_several_patterns_matching_lets_the_record_through()
    {
        var criteria = FilterCriteria.Parse("""{"data":{"event_name":["a"]}}""", """{"data":{"event_name":["b"]}}""");
        Assert.Equal(FilterVerdict.Match, criteria.Evaluate(RecordOf("""{"event_name":"b"}""")));
        Assert.Equal(FilterVerdict.NoMatch, criteria.Evaluate(RecordOf("""{"event_name":"c"}""")));
    }

    [Theory]
    [InlineData("{not json", "is not JSON")]
    [InlineData("""{"body":{"a":["x"]}}""", "'body' is not a Kinesis record field")]
    [InlineData("""{"data":{"a":"x"}}""", "must be an array or an object")]
    [InlineData("""{"data":{"a":[{"suffix":"x"}]}}""", "is not one of exists, prefix")]
    [InlineData("""{"data":{"a":[{"numeric":[">"]}]}}""", "is not one of exists, prefix")]
    public void Invalid_patterns_are_refused_with_the_reason(string pattern, string reason) =>
        Assert.Contains(reason, Assert.Throws<ArgumentException>(() => FilterCriteria.Parse(pattern)).Message);

    [Fact]
    public void More_than_five_filters_are_refused() =>
        Assert.Throws<ArgumentException>(() => FilterCriteria.Parse([.. Enumerable.Repeat("""{"data":{"a":["x"]}}""", 6)]));
}
