namespace ActivityWatch.Api.Alerts;

/// <summary>The body of an alert action: a note (acknowledge, resolve, suppress, reopen, note) or an assignee.</summary>
public sealed record AlertActionRequest(string? Note, string? Assignee);
