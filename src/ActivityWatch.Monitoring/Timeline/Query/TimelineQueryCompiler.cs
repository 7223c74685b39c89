using System.Net;
using Npgsql;
using NpgsqlTypes;

namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>
/// Turns a parsed query into a parameterised WHERE fragment over aw_timeline (alias <c>t</c>).
/// Column names come only from <see cref="QueryField"/>; every value is a parameter.
/// Exact values use the (value, time) indexes; wildcards become LIKE; a bare word is a
/// case-insensitive "contains" over principal and event name.
/// </summary>
public static class TimelineQueryCompiler
{
    // inet casts fail on text that is not an address (CloudTrail puts service names such as
    // "s3.amazonaws.com" in sourceIPAddress), so only strict address shapes reach the cast.
    private const string Ipv4Shape = @"^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$";
    // Exactly the RFC 4291 forms (one "::" at most, eight groups in all): a looser shape let a logged
    // sourceIPAddress such as "1:2:3:4:5:6:7::1:2:3:4:5:6:7" reach the cast and fail every IPv6 search.
    private const string Hex = "[0-9a-fA-F]{1,4}";
    private const string Ipv6Shape =
        $"^(({Hex}:){{7}}{Hex}|({Hex}:){{1,7}}:|({Hex}:){{1,6}}:{Hex}|({Hex}:){{1,5}}(:{Hex}){{1,2}}|({Hex}:){{1,4}}(:{Hex}){{1,3}}" +
        $"|({Hex}:){{1,3}}(:{Hex}){{1,4}}|({Hex}:){{1,2}}(:{Hex}){{1,5}}|{Hex}:(:{Hex}){{1,6}}|:((:{Hex}){{1,7}}|:))$";

    public static CompiledQuery Compile(string query, string parameterPrefix = "q") => Compile(TimelineQueryParser.Parse(query), parameterPrefix);

    public static CompiledQuery Compile(QueryNode node, string parameterPrefix = "q")
    {
        var parameters = new List<NpgsqlParameter>();
        var sql = Emit(node, parameters, parameterPrefix);
        return new CompiledQuery(sql, parameters);
    }

    private static string Emit(QueryNode node, List<NpgsqlParameter> parameters, string prefix) => node switch
    {
        AndQuery and => $"({Emit(and.Left, parameters, prefix)} AND {Emit(and.Right, parameters, prefix)})",
        OrQuery or => $"({Emit(or.Left, parameters, prefix)} OR {Emit(or.Right, parameters, prefix)})",
        // A NULL column makes a term unknown, and NOT unknown is unknown: without the coalesce,
        // "NOT errorCode:AccessDenied" would drop every record that has no error at all.
        NotQuery not => $"NOT coalesce({Emit(not.Operand, parameters, prefix)}, false)",
        TermQuery term => Term(term, parameters, prefix),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "unknown query node"),
    };

    private static string Term(TermQuery term, List<NpgsqlParameter> parameters, string prefix)
    {
        string Add(object value, NpgsqlDbType type)
        {
            var name = $"{prefix}{parameters.Count}";
            parameters.Add(new NpgsqlParameter(name, type) { Value = value });
            return "@" + name;
        }

        var value = QueryValue.Read(term.Value);
        if (term.Field is not { } field)
        {
            var pattern = Add(value.ContainsPattern, NpgsqlDbType.Text);
            return $"(t.principal ILIKE {pattern} OR t.event_name ILIKE {pattern})";
        }

        var column = "t." + field.Column;
        if (value.IsAnything) return $"{column} IS NOT NULL";
        switch (field.Kind)
        {
            case QueryFieldKind.Boolean:
                return $"{column} = {Add(TimelineQueryParser.ParseBoolean(value.Exact)!.Value, NpgsqlDbType.Boolean)}";
            case QueryFieldKind.IpAddress when !value.HasWildcard && value.Exact.Contains('/'):
                var (address, bits) = ParseNetwork(value.Exact, term.ValuePosition);
                var shape = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? Ipv4Shape : Ipv6Shape;
                // The block travels as an inet parameter, never as text for PostgreSQL to parse.
                return $"(CASE WHEN {column} ~ {Add(shape, NpgsqlDbType.Text)} THEN {column}::inet <<= {Add(new NpgsqlInet(address, bits), NpgsqlDbType.Inet)} ELSE false END)";
        }
        return value.HasWildcard
            ? $"{column} LIKE {Add(value.Pattern, NpgsqlDbType.Text)}"
            : $"{column} = {Add(value.Exact, NpgsqlDbType.Text)}";
    }

    private static (IPAddress Address, byte Bits) ParseNetwork(string text, int position)
    {
        if (!NetworkText.TryParse(text, out var address, out var bits, out var error, out var offset))
            throw new QuerySyntaxException(error!, position + offset);
        return (address, (byte)bits);
    }
}
