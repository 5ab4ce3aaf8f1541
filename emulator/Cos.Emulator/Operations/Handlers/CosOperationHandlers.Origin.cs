using System.Globalization;
using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// The checks of PUT Bucket origin that its generated reader cannot make; the generated configuration handlers store,
/// return and delete the document. Rules are not applied: a missing object is not fetched from an origin.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    partial void ValidatePutBucketOrigin(PutBucketOriginRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (request.OriginRules.Count == 0)
        {
            throw CosErrors.MalformedXml("An OriginConfiguration needs at least one OriginRule.");
        }

        foreach (var rule in request.OriginRules)
        {
            if (rule.RulePriority < 1)
            {
                throw CosErrors.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"RulePriority must be a positive integer, not {rule.RulePriority}."));
            }

            // Required elements the reader leaves null when a request omits them.
            if (rule.OriginCondition is null || rule.OriginParameter is null || rule.OriginInfo is null)
            {
                throw CosErrors.MalformedXml("An OriginRule needs OriginCondition, OriginParameter and OriginInfo.");
            }

            if (rule.OriginInfo.HostInfo is { } host && string.IsNullOrEmpty(host.HostName))
            {
                throw CosErrors.InvalidArgument("An origin's HostInfo needs a HostName.");
            }
        }
    }
}
