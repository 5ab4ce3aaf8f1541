using System.Globalization;
using Cos.Emulator.Errors;
using Cos.Generated;

namespace Cos.Emulator.Operations;

/// <summary>
/// The checks of PUT Bucket lifecycle that its generated reader cannot make; the generated configuration handlers store,
/// return and delete the document. COS documents at most 1000 rules, and Days and Date never in the same rule (a rule
/// takes one or the other, for its transitions and its expiration alike). Rules are not applied: objects do not expire.
/// </summary>
internal sealed partial class CosOperationHandlers
{
    /// <summary>The most lifecycle rules a bucket can have.</summary>
    public const int MaxLifecycleRules = 1000;

    partial void ValidatePutBucketLifecycle(PutBucketLifecycleRequest request, OperationContext context)
    {
        RequireBucket(context);
        if (request.Rules.Count == 0)
        {
            throw CosErrors.MalformedXml("A LifecycleConfiguration needs at least one Rule.");
        }

        if (request.Rules.Count > MaxLifecycleRules)
        {
            throw CosErrors.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"A bucket has at most {MaxLifecycleRules} lifecycle rules, not {request.Rules.Count}."));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Rules.Count; i++)
        {
            var rule = request.Rules[i];
            var name = string.IsNullOrEmpty(rule.ID) ? string.Create(CultureInfo.InvariantCulture, $"Rule {i + 1}") : $"Rule '{rule.ID}'";
            if (!string.IsNullOrEmpty(rule.ID) && !ids.Add(rule.ID))
            {
                throw CosErrors.InvalidArgument($"{name} appears twice: rule IDs are unique.");
            }

            if (rule.Status != LifecycleRuleStatus.Enabled && rule.Status != LifecycleRuleStatus.Disabled)
            {
                throw CosErrors.MalformedXml($"{name}: Status must be Enabled or Disabled, not '{rule.Status.Value}'.");
            }

            var days = rule.Transitions.Any(t => t.Days is not null) || rule.Expiration?.Days is not null;
            var dates = rule.Transitions.Any(t => t.Date is not null) || rule.Expiration?.Date is not null;
            if (days && dates)
            {
                throw CosErrors.InvalidArgument($"{name} has both Days and Date; put them in two rules.");
            }

            foreach (var transition in rule.Transitions)
            {
                if (transition.Days is null && transition.Date is null)
                {
                    throw CosErrors.InvalidArgument($"{name}: a Transition needs Days or Date.");
                }

                NotNegative(transition.Days, name, "Transition Days", 0);
                TargetClass(transition.StorageClass, name);
            }

            if (rule.Expiration is { } expiration)
            {
                if (expiration.Days is null && expiration.Date is null && expiration.ExpiredObjectDeleteMarker is null)
                {
                    throw CosErrors.InvalidArgument($"{name}: an Expiration needs Days, Date or ExpiredObjectDeleteMarker.");
                }

                NotNegative(expiration.Days, name, "Expiration Days", 1);
            }

            foreach (var transition in rule.NoncurrentVersionTransitions)
            {
                NotNegative(transition.NoncurrentDays, name, "NoncurrentVersionTransition NoncurrentDays", 0);
                TargetClass(transition.StorageClass, name);
            }

            NotNegative(rule.NoncurrentVersionExpiration?.NoncurrentDays, name, "NoncurrentVersionExpiration NoncurrentDays", 1);
            NotNegative(rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation, name, "AbortIncompleteMultipartUpload DaysAfterInitiation", 1);
        }
    }

    private static void TargetClass(StorageClass value, string rule)
    {
        if (!StorageClasses.Contains(value.Value))
        {
            throw CosErrors.InvalidArgument($"{rule}: '{value.Value}' is not a COS storage class.");
        }
    }

    private static void NotNegative(int? value, string rule, string what, int min)
    {
        if (value < min)
        {
            throw CosErrors.InvalidArgument(string.Create(CultureInfo.InvariantCulture, $"{rule}: {what} must be at least {min}, not {value}."));
        }
    }
}
