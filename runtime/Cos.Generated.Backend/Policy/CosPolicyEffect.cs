namespace Cos.Generated.Backend.Policy;

/// <summary>Whether a policy statement grants or refuses its actions; a refusal wins over any grant.</summary>
public enum CosPolicyEffect
{
    /// <summary>Grants the actions on the resources.</summary>
    Allow,

    /// <summary>Refuses the actions on the resources, whatever another statement grants.</summary>
    Deny,
}
