namespace ActivityWatch.Cli.Output;

public enum OutputFormat
{
    Table,
    Json,
}
