using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// The checks of PUT Bucket domain that its generated reader cannot make; the generated configuration handlers store,
/// return and delete the document. Each rule names one domain, with COS's enumerated status, origin type and forced
/// replacement. Not emulated: the 409 for a domain bound to another bucket (COS's documentation names no code for it),
/// the TXT verification header, and serving the domain.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    partial void ValidatePutBucketDomain(PutBucketDomainRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (request.DomainRules.Count == 0)
        {
            throw CosErrors.MalformedXml("A DomainConfiguration needs at least one DomainRule.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in request.DomainRules)
        {
            if (string.IsNullOrEmpty(rule.Name))
            {
                throw CosErrors.MalformedXml("A DomainRule needs a Name.");
            }

            if (!names.Add(rule.Name))
            {
                throw CosErrors.InvalidArgument($"The domain '{rule.Name}' appears twice.");
            }

            if (rule.Status != DomainStatus.Enabled && rule.Status != DomainStatus.Disabled)
            {
                throw CosErrors.MalformedXml($"The Status of '{rule.Name}' must be ENABLED or DISABLED, not '{rule.Status.Value}'.");
            }

            if (rule.Type != DomainOriginType.Rest && rule.Type != DomainOriginType.Website && rule.Type != DomainOriginType.Accelerate)
            {
                throw CosErrors.MalformedXml($"The Type of '{rule.Name}' must be REST, WEBSITE or ACCELERATE, not '{rule.Type.Value}'.");
            }

            if (rule.ForcedReplacement is { } forced && forced != DomainForcedReplacement.Cname && forced != DomainForcedReplacement.Txt)
            {
                throw CosErrors.MalformedXml($"The ForcedReplacement of '{rule.Name}' must be CNAME or TXT, not '{forced.Value}'.");
            }
        }
    }
}
