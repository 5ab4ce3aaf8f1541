namespace Cos.Chaos.Tests.Plans;

/// <summary>
/// Draws a run's faults: one to three, each aimed at an operation the call actually sends (weighted towards the
/// ones it sends most) and of a kind that can happen to that operation (no request stall without a request body).
/// Most faults fire one to three times, so a correct client can get through; about one in eight fires on every
/// matching request, so it must fail, clearly and in time.
/// </summary>
internal static class FaultDraw
{
    private const long MiB = ClientSettings.MiB;

    /// <summary>A generous size of the small XML bodies (Initiate, Complete, listings) for offsets inside them.</summary>
    private const int XmlBodyBytes = 300;

    public static IReadOnlyList<FaultSpec> Draw(Random random, ChaosPlan plan)
    {
        if (plan.Scenario == ScenarioKind.KillAndResume)
        {
            var parts = (int)((plan.Size + MiB - 1) / MiB); // the child uploads 1 MiB parts
            var afterParts = random.Next(5) == 0 ? -1 : random.Next(0, parts);
            return [new FaultSpec { Kind = FaultKind.Kill, Operation = afterParts < 0 ? "CompleteMultipartUpload" : "UploadPart", Times = 1, Bytes = afterParts }];
        }

        var count = random.Next(20) switch { < 10 => 1, < 17 => 2, _ => 3 };
        var operations = Operations(plan);
        var faults = new List<FaultSpec>();
        for (var i = 0; i < count; i++)
        {
            var operation = operations[random.Next(operations.Count)];
            faults.Add(DrawOne(random, plan, operation));
        }

        return faults;
    }

    private static FaultSpec DrawOne(Random random, ChaosPlan plan, string operation)
    {
        var kinds = Kinds(operation, plan.Client.Credentials);
        var kind = kinds[random.Next(kinds.Count)];
        var multipart = operation is "UploadPart" or "UploadPartCopy";
        var parts = (int)Math.Max(1, (plan.Size + plan.Client.PartSize - 1) / plan.Client.PartSize);
        var fault = new FaultSpec
        {
            Kind = kind,
            Operation = operation,
            EveryNth = random.Next(10) < 6 ? 1 : random.Next(2, 5),
            Times = random.Next(8) == 0 ? null : random.Next(1, 4),
            PartNumber = multipart && random.Next(4) == 0 ? random.Next(1, parts + 1) : null,
        };
        return kind switch
        {
            FaultKind.ServerError => random.Next(3) switch
            {
                0 => fault with { Status = 500, ErrorCode = "InternalError" },
                1 => fault with { Status = 502, ErrorCode = "BadGateway" },
                _ => fault with { Status = 503, ErrorCode = "SlowDown" },
            },
            FaultKind.ResetMidBody or FaultKind.StallRequest or FaultKind.StallResponse => fault with { Bytes = random.NextInt64(0, BodyBytes(plan, operation) + 1) },
            FaultKind.SlowDrip => fault with { BytesPerSecond = random.Next(4) switch { 0 => 1, 1 => 8, 2 => 64, _ => 1024 } },
            // A clock steps, and a key expires, once: repeated on every request they would only test that a client gives up.
            FaultKind.ClockJump => fault with
            {
                Times = 1,
                Jump = TimeSpan.FromMinutes((random.Next(2) == 0 ? -1 : 1) * (random.Next(5) < 3 ? random.Next(16, 46) : random.Next(1, 11))),
            },
            FaultKind.ExpireCredentials => fault with { Times = 1 },
            _ => fault,
        };
    }

    /// <summary>The operations the call sends, repeated by how often it sends them.</summary>
    private static IReadOnlyList<string> Operations(ChaosPlan plan)
    {
        var multipartUpload = plan.Size > plan.Client.SliceSize;
        return plan.Scenario switch
        {
            ScenarioKind.UploadFile when multipartUpload =>
                ["ListMultipartUploads", "InitiateMultipartUpload", "UploadPart", "UploadPart", "UploadPart", "UploadPart", "CompleteMultipartUpload", "CompleteMultipartUpload", "AbortMultipartUpload"],
            ScenarioKind.UploadStream when multipartUpload =>
                ["InitiateMultipartUpload", "UploadPart", "UploadPart", "UploadPart", "UploadPart", "CompleteMultipartUpload", "CompleteMultipartUpload", "AbortMultipartUpload"],
            ScenarioKind.UploadFile or ScenarioKind.UploadStream or ScenarioKind.PutObject => ["PutObject"],
            ScenarioKind.DownloadFile => ["HeadObject", "GetObject", "GetObject", "GetObject"],
            ScenarioKind.Copy when plan.Size > plan.CopySliceSize =>
                ["HeadObject", "InitiateMultipartUpload", "UploadPartCopy", "UploadPartCopy", "UploadPartCopy", "CompleteMultipartUpload", "CompleteMultipartUpload", "AbortMultipartUpload"],
            ScenarioKind.Copy => ["HeadObject", "PutObjectCopy", "PutObjectCopy"],
            ScenarioKind.GetObject => ["GetObject"],
            ScenarioKind.GetBucket => ["GetBucket"],
            _ => throw new InvalidOperationException($"No operations for {plan.Scenario}."),
        };
    }

    /// <summary>The faults that can happen to <paramref name="operation"/>: a body to cut, stall or drip only where there is one.</summary>
    private static IReadOnlyList<FaultKind> Kinds(string operation, CredentialMode credentials)
    {
        List<FaultKind> kinds = [FaultKind.ServerError, FaultKind.NeverAnswer, FaultKind.LoseResponse, FaultKind.ClockJump];
        if (credentials == CredentialMode.Temporary)
        {
            kinds.AddRange([FaultKind.ExpireCredentials, FaultKind.ExpireCredentials]);
        }

        switch (operation)
        {
            case "PutObject" or "UploadPart":
                kinds.AddRange([FaultKind.ResetMidBody, FaultKind.StallRequest, FaultKind.SlowDrip]);
                break;
            case "GetObject" or "GetBucket":
                kinds.AddRange([FaultKind.ResetMidBody, FaultKind.StallResponse, FaultKind.SlowDrip]);
                break;
            case "InitiateMultipartUpload" or "CompleteMultipartUpload":
                // A lost answer is the fault that matters most here (an upload nobody knows of, an object that exists after an error).
                kinds.AddRange([FaultKind.ResetMidBody, FaultKind.StallResponse, FaultKind.LoseResponse, FaultKind.LoseResponse]);
                break;
            case "ListMultipartUploads" or "PutObjectCopy" or "UploadPartCopy":
                kinds.AddRange([FaultKind.ResetMidBody, FaultKind.StallResponse]);
                break;
        }

        return kinds;
    }

    /// <summary>The size of the body a reset or stall of <paramref name="operation"/> cuts into.</summary>
    private static long BodyBytes(ChaosPlan plan, string operation) => operation switch
    {
        "UploadPart" => Math.Min(plan.Size, plan.Client.PartSize),
        "PutObject" => plan.Size,
        "GetObject" => plan.Scenario == ScenarioKind.DownloadFile ? Math.Min(plan.Size, plan.DownloadPartSize) : plan.Size,
        "GetBucket" => XmlBodyBytes + (200L * plan.ListedObjects),
        _ => XmlBodyBytes,
    };
}
