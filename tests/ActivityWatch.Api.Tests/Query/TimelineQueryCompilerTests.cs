using ActivityWatch.Monitoring.Timeline.Query;

namespace ActivityWatch.Api.Tests.Query;

public class TimelineQueryCompilerTests
{
    [Fact]
    public void ExactValue_IsAnEqualityParameter()
    {
        var compiled = TimelineQueryCompiler.Compile("eventName:GetObject");

        Assert.Equal("t.event_name = @q0", compiled.Sql);
        Assert.Equal("GetObject", Assert.Single(compiled.Parameters).Value);
    }

    [Fact]
    public void Wildcards_BecomeLikeWithTheOtherLikeCharactersEscaped()
    {
        var compiled = TimelineQueryCompiler.Compile("eventName:Get*_100%?");

        Assert.Equal("t.event_name LIKE @q0", compiled.Sql);
        Assert.Equal("Get%\\_100\\%_", compiled.Parameters[0].Value);
    }

    [Fact]
    public void EscapedStar_IsALiteralStar()
    {
        var compiled = TimelineQueryCompiler.Compile("userAgent:a\\*b");

        Assert.Equal("t.user_agent = @q0", compiled.Sql);
        Assert.Equal("a*b", compiled.Parameters[0].Value);
    }

    [Fact]
    public void FieldStar_MeansThePresenceOfTheField()
    {
        Assert.Equal("t.error_code IS NOT NULL", TimelineQueryCompiler.Compile("errorCode:*").Sql);
    }

    [Fact]
    public void Not_TreatsMissingValuesAsNotMatching()
    {
        var compiled = TimelineQueryCompiler.Compile("NOT errorCode:AccessDenied");

        Assert.Equal("NOT coalesce(t.error_code = @q0, false)", compiled.Sql);
    }

    [Fact]
    public void OrAndPrecedence_IsKeptInTheSql()
    {
        var compiled = TimelineQueryCompiler.Compile("a OR b AND NOT c");

        Assert.Equal(
            "((t.principal ILIKE @q0 OR t.event_name ILIKE @q0) OR ((t.principal ILIKE @q1 OR t.event_name ILIKE @q1) AND NOT coalesce((t.principal ILIKE @q2 OR t.event_name ILIKE @q2), false)))",
            compiled.Sql);
    }

    [Fact]
    public void BareWord_IsACaseInsensitiveContainsOverPrincipalAndEventName()
    {
        var compiled = TimelineQueryCompiler.Compile("alice");

        Assert.Equal("(t.principal ILIKE @q0 OR t.event_name ILIKE @q0)", compiled.Sql);
        Assert.Equal("%alice%", compiled.Parameters[0].Value);
    }

    [Fact]
    public void Mfa_IsABooleanParameter()
    {
        var compiled = TimelineQueryCompiler.Compile("mfa:false");

        Assert.Equal("t.mfa = @q0", compiled.Sql);
        Assert.Equal(false, compiled.Parameters[0].Value);
    }

    [Fact]
    public void SourceIpCidr_ComparesAddressesAndGuardsTheCast()
    {
        var compiled = TimelineQueryCompiler.Compile("sourceIp:203.0.113.0/24");

        Assert.Contains("t.source_ip::inet <<= @q1", compiled.Sql);
        Assert.Equal(new NpgsqlTypes.NpgsqlInet(System.Net.IPAddress.Parse("203.0.113.0"), 24), compiled.Parameters[1].Value);
    }

    [Fact]
    public void InvalidCidr_ReportsThePrefixPosition()
    {
        var error = Assert.Throws<QuerySyntaxException>(() => TimelineQueryCompiler.Compile("sourceIp:10.0.0.0/99"));

        Assert.Equal(18, error.Position);
    }

    [Theory]
    [InlineData("principal:\"x' OR 1=1; DROP TABLE aw_timeline; --\"")]
    [InlineData("\"'); DELETE FROM aw_timeline; --\"")]
    [InlineData("eventName:a\\'b")]
    public void InjectionAttempts_StayInParameters(string query)
    {
        var compiled = TimelineQueryCompiler.Compile(query);

        Assert.DoesNotContain("DROP", compiled.Sql);
        Assert.DoesNotContain("DELETE", compiled.Sql);
        Assert.DoesNotContain("'", compiled.Sql);
    }
}
