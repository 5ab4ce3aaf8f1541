namespace Cos.Emulator.Faults;

/// <summary>The emulator's fault rules, changeable while it runs.</summary>
public sealed class FaultRules
{
    private readonly object _gate = new();
    private FaultRule[] _rules = [];

    /// <summary>Adds <paramref name="rule"/> after the others (the first rule that fires wins) and returns it, to read <see cref="FaultRule.Fired"/> later.</summary>
    public FaultRule Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules = [.. _rules, rule];
        }

        return rule;
    }

    /// <summary>Removes <paramref name="rule"/>; false when it was not there.</summary>
    public bool Remove(FaultRule rule)
    {
        lock (_gate)
        {
            var before = _rules.Length;
            _rules = [.. _rules.Where(r => r != rule)];
            return _rules.Length != before;
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules = [];
        }
    }

    /// <summary>The rules in the order they are tried: a copy that later changes do not affect.</summary>
    public IReadOnlyList<FaultRule> Rules => Volatile.Read(ref _rules);

    /// <summary>The first rule that fires for this request, if any.</summary>
    internal FaultRule? Match(string operation, string method, string? bucket, string key, int? partNumber)
    {
        foreach (var rule in Volatile.Read(ref _rules))
        {
            if (rule.TryFire(operation, method, bucket, key, partNumber))
            {
                return rule;
            }
        }

        return null;
    }
}
