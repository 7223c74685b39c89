namespace ActivityWatch.Api.Principals;

/// <summary>One module's part of a principal's page; null when it knows nothing about the principal.</summary>
public interface IPrincipalSection
{
    string Name { get; }

    Task<object?> LoadAsync(string principal, CancellationToken cancellationToken);
}
