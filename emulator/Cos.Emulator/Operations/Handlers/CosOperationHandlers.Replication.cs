using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// PUT, GET and DELETE Bucket replication. The rules are kept whole, as the document a GET returns (the generated
/// <c>Document</c>/<c>FromDocument</c> of the pair), like a configuration document; written by hand because a PUT is
/// refused unless versioning is Enabled on the bucket and on every destination bucket, which must exist here. The
/// emulator records the rules only: it does not replicate objects.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private const string ReplicationName = "replication";
    private const string DestinationPrefix = "qcs::cos:";

    private partial Task<PutBucketReplicationResponse> PutBucketReplicationAsync(PutBucketReplicationRequest request, OperationContext context)
    {
        RequireBucket(context);
        RequireVersioningEnabled(context, context.Bucket, "the bucket");
        if (request.Rules.Count == 0)
        {
            throw CosErrors.MalformedXml("A ReplicationConfiguration needs at least one Rule.");
        }

        foreach (var rule in request.Rules)
        {
            if (rule.Status != ReplicationRuleStatus.Enabled && rule.Status != ReplicationRuleStatus.Disabled)
            {
                throw CosErrors.InvalidArgument($"A replication rule's Status must be Enabled or Disabled, not '{rule.Status.Value}'.");
            }

            if (request.Rules.Any(other => !ReferenceEquals(other, rule) && rule.Prefix.StartsWith(other.Prefix, StringComparison.Ordinal)))
            {
                throw CosErrors.InvalidArgument($"The prefix '{rule.Prefix}' of a replication rule overlaps another rule's.");
            }

            // qcs::cos:<Region>::<BucketName-APPID>
            var destination = rule.Destination.Bucket;
            var separator = destination.IndexOf("::", DestinationPrefix.Length, StringComparison.Ordinal);
            if (!destination.StartsWith(DestinationPrefix, StringComparison.Ordinal) || separator <= DestinationPrefix.Length)
            {
                throw CosErrors.InvalidArgument($"The destination Bucket '{destination}' must be qcs::cos:<Region>::<BucketName-APPID>.");
            }

            var bucket = destination[(separator + 2)..];
            if (context.Store.GetBucket(bucket) is null)
            {
                throw CosErrors.InvalidRequest($"The destination bucket '{bucket}' does not exist.");
            }

            RequireVersioningEnabled(context, bucket, $"the destination bucket '{bucket}'");
        }

        context.Store.PutConfiguration(context.Bucket, string.Empty, ReplicationName, PutBucketReplicationWire.Document(request));
        return Task.FromResult(new PutBucketReplicationResponse());
    }

    private partial Task<GetBucketReplicationResponse> GetBucketReplicationAsync(GetBucketReplicationRequest request, OperationContext context)
    {
        RequireBucket(context);
        var document = context.Store.GetConfiguration(context.Bucket, string.Empty, ReplicationName)
            ?? throw new CosErrorException(404, "ReplicationConfigurationnotFoundError", "The bucket has no cross-bucket replication rules.");
        return Task.FromResult(GetBucketReplicationWire.FromDocument(document));
    }

    private partial Task<DeleteBucketReplicationResponse> DeleteBucketReplicationAsync(DeleteBucketReplicationRequest request, OperationContext context)
    {
        RequireBucket(context);
        context.Store.DeleteConfiguration(context.Bucket, string.Empty, ReplicationName);
        return Task.FromResult(new DeleteBucketReplicationResponse());
    }

    /// <summary>Replication needs versioning Enabled (not Suspended, not never set) on both ends; 400 InvalidRequest otherwise.</summary>
    private static void RequireVersioningEnabled(OperationContext context, string bucket, string which)
    {
        if (context.Store.GetBucket(bucket)?.Versioning != "Enabled")
        {
            throw CosErrors.InvalidRequest($"Versioning must be Enabled on {which} to replicate it.");
        }
    }
}
