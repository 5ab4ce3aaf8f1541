using System.Text.Json;

namespace Cos.Emulator.Policy;

/// <summary>One statement of a CAM policy: allow or deny the actions on the resources (patterns with <c>*</c>).</summary>
internal sealed record CamStatement(bool Allow, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources);

/// <summary>
/// A CAM policy as STS receives it (<c>{"version":"2.0","statement":[{"effect","action","resource"}]}</c>): a
/// request is allowed when some statement allows its action on its resource and none denies it.
/// </summary>
internal sealed class CamPolicy(IReadOnlyList<CamStatement> statements)
{
    public IReadOnlyList<CamStatement> Statements { get; } = statements;

    /// <summary>Parses the policy JSON; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static CamPolicy Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The policy is not JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The policy must be a JSON object.");
            }

            if (root.TryGetProperty("principal", out _))
            {
                throw new FormatException("A policy passed to GetFederationToken cannot contain principal.");
            }

            if (!root.TryGetProperty("statement", out var statementsElement) || statementsElement.ValueKind != JsonValueKind.Array || statementsElement.GetArrayLength() == 0)
            {
                throw new FormatException("The policy needs a non-empty statement array.");
            }

            var statements = new List<CamStatement>();
            foreach (var statement in statementsElement.EnumerateArray())
            {
                var effect = statement.TryGetProperty("effect", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()!.ToLowerInvariant() : null;
                if (effect is not ("allow" or "deny"))
                {
                    throw new FormatException("Each statement needs effect allow or deny.");
                }

                if (statement.TryGetProperty("condition", out _))
                {
                    throw new FormatException("The COS emulator does not evaluate policy conditions.");
                }

                statements.Add(new CamStatement(effect == "allow", Strings(statement, "action"), Strings(statement, "resource")));
            }

            return new CamPolicy(statements);
        }
    }

    /// <summary>True when some statement allows <paramref name="action"/> on one of <paramref name="resources"/> (the same object's names) and none denies it.</summary>
    public bool IsAllowed(string action, IReadOnlyList<string> resources)
    {
        var allowed = false;
        foreach (var statement in Statements)
        {
            if (!statement.Actions.Any(pattern => Wildcard.IsMatch(action, NormalizeAction(pattern), starOnly: true))
                || !statement.Resources.Any(pattern => resources.Any(resource => Wildcard.IsMatch(resource, pattern, starOnly: true))))
            {
                continue;
            }

            if (!statement.Allow)
            {
                return false;
            }

            allowed = true;
        }

        return allowed;
    }

    /// <summary>Actions are written <c>name/cos:PutObject</c>; <c>cos:PutObject</c> is read the same.</summary>
    private static string NormalizeAction(string pattern) =>
        pattern == "*" || pattern.StartsWith("name/", StringComparison.Ordinal) ? pattern : "name/" + pattern;

    private static IReadOnlyList<string> Strings(JsonElement statement, string name)
    {
        if (!statement.TryGetProperty(name, out var value))
        {
            throw new FormatException($"Each statement needs {name}.");
        }

        var list = value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException($"Each {name} must be a string.")).ToList(),
            _ => throw new FormatException($"{name} must be a string or an array of strings."),
        };

        return list.Count == 0 ? throw new FormatException($"A statement's {name} is empty.") : list;
    }
}
