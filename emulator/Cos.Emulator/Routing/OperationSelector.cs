using Cos.Emulator.Errors;

namespace Cos.Emulator.Routing;

/// <summary>Chooses the COS operation from the method, the sub-resources in the query and the copy-source header.</summary>
internal static class OperationSelector
{
    /// <summary>Sub-resources of COS that the emulator does not implement: 501 NotImplemented.</summary>
    private static readonly HashSet<string> UnsupportedSubResources = new(StringComparer.Ordinal)
    {
        "acl", "cors", "policy", "lifecycle", "tagging", "versioning", "versions", "website", "referer", "logging",
        "inventory", "replication", "encryption", "domain", "origin", "accelerate", "intelligenttiering", "restore",
        "append", "select", "symlink", "object-lock", "retention", "notification", "requestPayment", "location",
        "objectlock", "rename", "fetch", "ci-process", "image_process", "uploadId-copy",
    };

    public const string Preflight = "Preflight";

    public static string Select(string method, CosRoute route, bool hasCopySource)
    {
        method = method.ToUpperInvariant();
        if (method == "OPTIONS")
        {
            return Preflight;
        }

        foreach (var (name, _) in route.Query)
        {
            if (UnsupportedSubResources.Contains(name))
            {
                throw CosErrors.NotImplemented($"The sub-resource '?{name}'");
            }
        }

        if (route.IsService)
        {
            return method == "GET" ? "GetService" : throw CosErrors.MethodNotAllowed(method);
        }

        if (!route.HasKey)
        {
            return method switch
            {
                "GET" => route.Has("uploads") ? "ListMultipartUploads" : "GetBucket",
                "PUT" => "PutBucket",
                "HEAD" => "HeadBucket",
                "DELETE" => "DeleteBucket",
                "POST" when route.Has("delete") => "DeleteMultipleObjects",
                _ => throw CosErrors.MethodNotAllowed(method),
            };
        }

        var hasUploadId = route.Has("uploadId");
        return method switch
        {
            "PUT" when hasUploadId && route.Has("partNumber") => hasCopySource ? "UploadPartCopy" : "UploadPart",
            "PUT" when hasUploadId => throw CosErrors.InvalidArgument("UploadPart needs both partNumber and uploadId."),
            "PUT" => hasCopySource ? "PutObjectCopy" : "PutObject",
            "GET" => hasUploadId ? "ListParts" : "GetObject",
            "HEAD" => "HeadObject",
            "DELETE" => hasUploadId ? "AbortMultipartUpload" : "DeleteObject",
            "POST" when route.Has("uploads") => "InitiateMultipartUpload",
            "POST" when hasUploadId => "CompleteMultipartUpload",
            _ => throw CosErrors.MethodNotAllowed(method),
        };
    }
}
