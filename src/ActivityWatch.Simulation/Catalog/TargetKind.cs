namespace ActivityWatch.Simulation.Catalog;

/// <summary>The kind of resource a call acts on, so the resolver can pick one the account has.</summary>
internal enum TargetKind
{
    None,
    Bucket,
    Object,
    User,
    Role,
    Function,
    Table,
    Secret,
    Parameter,
    Key,
    Queue,
    Topic,
    Instance,
    LogGroup,
    Stack,
    Database,
    Trail,
    Detector,
    SecurityGroup,
}
