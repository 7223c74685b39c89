using ActivityWatch.Simulation.Randomness;
using ActivityWatch.Simulation.Rendering;

namespace ActivityWatch.Simulation.Catalog;

/// <summary>Picks the resource a call acts on from the account, keeping whatever a scenario fixed.</summary>
internal static class TargetResolver
{
    public static CallTarget Resolve(ApiCall api, AccountResources resources, string region, SimulationRandom random, CallTarget? fixedTarget = null)
    {
        var target = fixedTarget ?? new CallTarget();
        var account = resources.Account;
        var id = account.Id;
        switch (api.Target)
        {
            case TargetKind.Bucket or TargetKind.Object:
                target.Bucket ??= random.Pick(account.Buckets.Where(b => !b.Public).ToList());
                if (api.Target == TargetKind.Object)
                {
                    target.Key ??= ObjectKey(target.Bucket, random);
                    target.Bytes = target.Bytes > 0 ? target.Bytes : 512 + random.Next(2_000_000);
                }

                break;
            case TargetKind.User:
                target.UserName ??= random.Pick(account.Users).Name;
                break;
            case TargetKind.Role:
                target.Role ??= random.Pick(account.Roles);
                break;
            case TargetKind.Function:
                target.Name ??= random.Pick(resources.Functions);
                target.Arn ??= $"arn:aws:lambda:{region}:{id}:function:{target.Name}";
                break;
            case TargetKind.Table:
                target.Name ??= random.Pick(resources.Tables);
                target.Arn ??= $"arn:aws:dynamodb:{region}:{id}:table/{target.Name}";
                break;
            case TargetKind.Secret:
                target.Name ??= random.Pick(resources.Secrets);
                target.Arn ??= $"arn:aws:secretsmanager:{region}:{id}:secret:{target.Name}";
                break;
            case TargetKind.Parameter:
                target.Name ??= random.Pick(resources.Parameters);
                target.Arn ??= $"arn:aws:ssm:{region}:{id}:parameter{target.Name}";
                break;
            case TargetKind.Key:
                target.Name ??= random.Pick(resources.KeyIds);
                target.Arn ??= $"arn:aws:kms:{region}:{id}:key/{target.Name}";
                break;
            case TargetKind.Queue:
                target.Name ??= random.Pick(resources.Queues);
                target.Arn ??= $"https://sqs.{region}.amazonaws.com/{id}/{target.Name}";
                break;
            case TargetKind.Topic:
                target.Name ??= random.Pick(resources.Topics);
                target.Arn ??= $"arn:aws:sns:{region}:{id}:{target.Name}";
                break;
            case TargetKind.Instance:
                target.Name ??= random.Pick(resources.Instances);
                break;
            case TargetKind.LogGroup:
                target.Name ??= random.Pick(resources.LogGroups);
                break;
            case TargetKind.Stack:
                target.Name ??= random.Pick(resources.Stacks);
                break;
            case TargetKind.Database:
                target.Name ??= random.Pick(resources.Databases);
                break;
            case TargetKind.Trail:
                target.Name ??= account.TrailName;
                target.Arn ??= account.TrailArn;
                break;
            case TargetKind.Detector:
                target.Name ??= resources.DetectorId;
                break;
            case TargetKind.SecurityGroup:
                target.Name ??= random.Pick(resources.SecurityGroups);
                break;
        }

        if (api.IsS3)
        {
            // S3 request ids are 16 upper hex; the extended id (x-amz-id-2) is a base64 blob.
            target.RequestId ??= random.UpperHexString(16);
            target.HostId ??= random.Base64(76) + "=";
        }

        return target;
    }

    public static string ObjectKey(SimulatedBucket bucket, SimulationRandom random)
    {
        var prefix = random.Pick(bucket.Prefixes);
        var extension = bucket.Public ? random.Pick(ObjectExtensionsPublic) : random.Pick(ObjectExtensions);
        return $"{prefix}2026/{random.Next(1, 13):D2}/{random.Hex(8)}{extension}";
    }

    private static readonly string[] ObjectExtensions = [".json", ".csv", ".parquet", ".pdf", ".json.gz"];

    private static readonly string[] ObjectExtensionsPublic = [".png", ".js", ".css", ".webp"];
}
