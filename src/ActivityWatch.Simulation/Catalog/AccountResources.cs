using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation.Catalog;

/// <summary>The named resources of one account that calls act on (tables, functions, secrets ...).</summary>
internal sealed class AccountResources
{
    public AccountResources(SimulatedAccount account, int seed)
    {
        var random = new SimulationRandom(unchecked(seed * 31 + StableHash.Of(account.Id)));
        Account = account;
        Tables = ["orders", "customers", "sessions", "invoices"];
        Functions = ["orders-api-1", "orders-api-2", "billing-webhook", "image-resizer"];
        Secrets = [$"prod/orders/db-credentials-{random.Alphanumeric(6)}", $"prod/billing/payment-api-key-{random.Alphanumeric(6)}", $"prod/app/jwt-signing-key-{random.Alphanumeric(6)}"];
        Parameters = ["/app/orders/db-host", "/app/orders/db-password", "/app/billing/api-url", "/app/feature-flags", "/app/billing/webhook-secret"];
        KeyIds = [KeyId(random), KeyId(random), KeyId(random)];
        Queues = ["orders-queue", "billing-events", "billing-events-dlq"];
        Topics = ["orders-notifications", "ops-alarms"];
        Instances = [$"i-0{random.Hex(16)}", $"i-0{random.Hex(16)}", $"i-0{random.Hex(16)}"];
        LogGroups = ["/aws/lambda/orders-api-1", "/aws/lambda/billing-webhook", "/ecs/billing-worker", "/aws/batch/job"];
        Stacks = ["network", "orders-service", "billing-service", "monitoring"];
        Databases = ["orders-db", "billing-db"];
        SecurityGroups = [$"sg-0{random.Hex(16)}", $"sg-0{random.Hex(16)}"];
        DetectorId = random.Hex(32);
    }

    public SimulatedAccount Account { get; }

    public IReadOnlyList<string> Tables { get; }

    public IReadOnlyList<string> Functions { get; }

    public IReadOnlyList<string> Secrets { get; }

    public IReadOnlyList<string> Parameters { get; }

    public IReadOnlyList<string> KeyIds { get; }

    public IReadOnlyList<string> Queues { get; }

    public IReadOnlyList<string> Topics { get; }

    public IReadOnlyList<string> Instances { get; }

    public IReadOnlyList<string> LogGroups { get; }

    public IReadOnlyList<string> Stacks { get; }

    public IReadOnlyList<string> Databases { get; }

    public IReadOnlyList<string> SecurityGroups { get; }

    public string DetectorId { get; }

    private static string KeyId(SimulationRandom random) => random.Uuid();
}
