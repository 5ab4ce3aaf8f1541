namespace Cos.Generated.Backend.Policy;

/// <summary>
/// Builds a <see cref="CosPolicy"/> statement by statement:
/// <c>CosPolicy.CreateBuilder().AllowKeyPrefix("ap-guangzhou", "examplebucket-1250000000", "photos/", CosActions.PutObject).Build()</c>.
/// Grant the least that works: a key prefix per user, only the actions the browser needs.
/// </summary>
public sealed class CosPolicyBuilder
{
    private readonly List<CosPolicyStatement> _statements = [];

    /// <summary>Adds a statement that allows <paramref name="actions"/> on <paramref name="resources"/>.</summary>
    /// <exception cref="ArgumentException">No action or resource, or a malformed one.</exception>
    public CosPolicyBuilder Allow(IEnumerable<string> actions, IEnumerable<string> resources) => Add(CosPolicyEffect.Allow, actions, resources);

    /// <summary>Adds a statement that denies <paramref name="actions"/> on <paramref name="resources"/>; a deny wins over any allow.</summary>
    /// <exception cref="ArgumentException">No action or resource, or a malformed one.</exception>
    public CosPolicyBuilder Deny(IEnumerable<string> actions, IEnumerable<string> resources) => Add(CosPolicyEffect.Deny, actions, resources);

    /// <summary>Allows <paramref name="actions"/> on the objects whose key starts with <paramref name="keyPrefix"/> (see <see cref="CosPolicyResources.KeyPrefix"/>).</summary>
    public CosPolicyBuilder AllowKeyPrefix(string region, string bucket, string keyPrefix, params IEnumerable<string> actions) =>
        Allow(actions, [CosPolicyResources.KeyPrefix(region, bucket, keyPrefix)]);

    /// <summary>Returns the policy.</summary>
    /// <exception cref="InvalidOperationException">No statement was added: such a policy grants nothing.</exception>
    public CosPolicy Build() => _statements.Count == 0
        ? throw new InvalidOperationException("A policy needs at least one statement.")
        : new CosPolicy(_statements.ToArray());

    private CosPolicyBuilder Add(CosPolicyEffect effect, IEnumerable<string> actions, IEnumerable<string> resources)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(resources);
        var actionList = actions.Select(NormalizeAction).Distinct(StringComparer.Ordinal).ToArray();
        var resourceList = resources.Select(CheckResource).Distinct(StringComparer.Ordinal).ToArray();
        if (actionList.Length == 0)
        {
            throw new ArgumentException("A statement needs at least one action.", nameof(actions));
        }

        if (resourceList.Length == 0)
        {
            throw new ArgumentException("A statement needs at least one resource.", nameof(resources));
        }

        _statements.Add(new CosPolicyStatement(effect, actionList, resourceList));
        return this;
    }

    /// <summary>Takes <c>name/cos:PutObject</c>, <c>cos:PutObject</c> (given the <c>name/</c> prefix) or <c>*</c>.</summary>
    private static string NormalizeAction(string action)
    {
        if (string.IsNullOrWhiteSpace(action) || action.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{action}' is not a CAM action name such as name/cos:PutObject.", nameof(action));
        }

        if (action == "*" || action.StartsWith("name/", StringComparison.Ordinal) && action.IndexOf(':', 5) > 5)
        {
            return action;
        }

        if (action.IndexOf(':') > 0 && !action.Contains('/'))
        {
            return "name/" + action;
        }

        throw new ArgumentException($"'{action}' is not a CAM action name such as name/cos:PutObject.", nameof(action));
    }

    private static string CheckResource(string resource)
    {
        if (string.IsNullOrEmpty(resource) || resource.Any(char.IsControl) || resource != "*" && !resource.StartsWith("qcs:", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{resource}' is not a CAM resource: use * or qcs::cos:{{region}}:uid/{{appid}}:{{bucket}}/{{key}} (CosPolicyResources).", nameof(resource));
        }

        return resource;
    }
}
