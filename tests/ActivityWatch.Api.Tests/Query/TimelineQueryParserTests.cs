using ActivityWatch.Monitoring.Timeline.Query;

namespace ActivityWatch.Api.Tests.Query;

public class TimelineQueryParserTests
{
    [Fact]
    public void FieldTerm_ParsesFieldAndValue()
    {
        var term = Assert.IsType<TermQuery>(TimelineQueryParser.Parse("eventName:GetObject"));

        Assert.Equal(QueryField.EventName, term.Field);
        Assert.Equal("GetObject", term.Value);
        Assert.Equal(10, term.ValuePosition);
    }

    [Fact]
    public void FieldNames_AreCaseInsensitiveAndAcceptCloudTrailNames()
    {
        Assert.Equal(QueryField.SourceIp, Assert.IsType<TermQuery>(TimelineQueryParser.Parse("SOURCEIP:1.2.3.4")).Field);
        Assert.Equal(QueryField.SourceIp, Assert.IsType<TermQuery>(TimelineQueryParser.Parse("sourceIPAddress:1.2.3.4")).Field);
        Assert.Equal(QueryField.Region, Assert.IsType<TermQuery>(TimelineQueryParser.Parse("awsRegion:eu-west-1")).Field);
    }

    [Fact]
    public void ArnValue_KeepsItsColonsWithoutQuotes()
    {
        var term = Assert.IsType<TermQuery>(TimelineQueryParser.Parse("principal:arn:aws:iam::123456789012:user/alice"));

        Assert.Equal("arn:aws:iam::123456789012:user/alice", term.Value);
    }

    [Fact]
    public void BareArn_IsABareValueNotAField()
    {
        var term = Assert.IsType<TermQuery>(TimelineQueryParser.Parse("arn:aws:iam::123456789012:root"));

        Assert.Null(term.Field);
        Assert.Equal("arn:aws:iam::123456789012:root", term.Value);
    }

    [Fact]
    public void QuotedValue_KeepsSpacesAndEscapedQuotes()
    {
        var term = Assert.IsType<TermQuery>(TimelineQueryParser.Parse("userAgent:\"aws-cli/2.0 say \\\"hi\\\"\""));

        Assert.Equal("aws-cli/2.0 say \\\"hi\\\"", term.Value);
    }

    [Fact]
    public void AndBindsTighterThanOr()
    {
        var node = TimelineQueryParser.Parse("a OR b AND c");

        var or = Assert.IsType<OrQuery>(node);
        Assert.IsType<TermQuery>(or.Left);
        Assert.IsType<AndQuery>(or.Right);
    }

    [Fact]
    public void NotBindsTighterThanAnd()
    {
        var node = TimelineQueryParser.Parse("NOT a AND b");

        var and = Assert.IsType<AndQuery>(node);
        Assert.IsType<NotQuery>(and.Left);
        Assert.IsType<TermQuery>(and.Right);
    }

    [Fact]
    public void AdjacentTerms_AreAnded()
    {
        var node = TimelineQueryParser.Parse("eventName:GetObject principal:bob");

        Assert.IsType<AndQuery>(node);
    }

    [Fact]
    public void Parentheses_OverridePrecedence()
    {
        var node = TimelineQueryParser.Parse("(a OR b) AND NOT (c OR d)");

        var and = Assert.IsType<AndQuery>(node);
        Assert.IsType<OrQuery>(and.Left);
        Assert.IsType<OrQuery>(Assert.IsType<NotQuery>(and.Right).Operand);
    }

    [Fact]
    public void LowercaseOperators_AreOperators()
    {
        Assert.IsType<OrQuery>(TimelineQueryParser.Parse("a or b"));
    }

    [Theory]
    [InlineData("foo:bar", 0, "unknown field")]
    [InlineData("eventName:GetObject AND", 23, "expected a term")]
    [InlineData("(eventName:GetObject", 20, "expected ')'")]
    [InlineData("eventName:GetObject)", 19, "unmatched ')'")]
    [InlineData("userAgent:\"unterminated", 10, "unterminated")]
    [InlineData("principal: alice", 10, "expected a value")]
    [InlineData("mfa:maybe", 4, "true or false")]
    [InlineData("a OR OR b", 5, "expected a term")]
    [InlineData("()", 1, "empty parentheses")]
    [InlineData("   ", 0, "empty")]
    public void InvalidQuery_ReportsThePosition(string query, int position, string reason)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => TimelineQueryParser.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void DeepNesting_IsRejectedNotAStackOverflow()
    {
        var query = new string('(', 200) + "a" + new string(')', 200);

        var error = Assert.Throws<QuerySyntaxException>(() => TimelineQueryParser.Parse(query));

        Assert.Contains("nests deeper", error.Reason);
    }

    [Fact]
    public void TooManyTerms_AreRejected()
    {
        var query = string.Join(" OR ", Enumerable.Range(0, 100).Select(i => $"eventName:E{i}"));

        Assert.Throws<QuerySyntaxException>(() => TimelineQueryParser.Parse(query));
    }
}
