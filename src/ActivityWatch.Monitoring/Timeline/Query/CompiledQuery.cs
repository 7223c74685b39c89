using Npgsql;

namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>A WHERE fragment over aw_timeline (alias t) and the parameters it names. The SQL text holds no input.</summary>
public sealed record CompiledQuery(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);
