namespace Cos.Generated.Backend.Policy;

/// <summary>One statement of a <see cref="CosPolicy"/>: an effect on actions over resources.</summary>
public sealed class CosPolicyStatement
{
    internal CosPolicyStatement(CosPolicyEffect effect, IReadOnlyList<string> actions, IReadOnlyList<string> resources)
    {
        Effect = effect;
        Actions = actions;
        Resources = resources;
    }

    /// <summary>Allow or deny.</summary>
    public CosPolicyEffect Effect { get; }

    /// <summary>CAM action names such as <c>name/cos:PutObject</c> (<see cref="CosActions"/>).</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>Resources such as <c>qcs::cos:ap-guangzhou:uid/1250000000:examplebucket-1250000000/photos/*</c>.</summary>
    public IReadOnlyList<string> Resources { get; }
}
