using System.Text;
using System.Text.Json;

namespace Cos.Generated.Backend.Policy;

/// <summary>
/// A CAM policy to scope temporary keys: what STS GetFederationToken grants, serialized as
/// <c>{"version":"2.0","statement":[{"action":[...],"effect":"allow","resource":[...]}]}</c>. Built with
/// <see cref="CosPolicyBuilder"/>; immutable.
/// </summary>
public sealed class CosPolicy
{
    /// <summary>The policy syntax version.</summary>
    public const string Version = "2.0";

    internal CosPolicy(IReadOnlyList<CosPolicyStatement> statements) => Statements = statements;

    /// <summary>The statements, in order.</summary>
    public IReadOnlyList<CosPolicyStatement> Statements { get; }

    /// <summary>Starts a policy.</summary>
    public static CosPolicyBuilder CreateBuilder() => new();

    /// <summary>
    /// A policy that allows <paramref name="actions"/> on the objects of <paramref name="bucket"/> whose key starts
    /// with <paramref name="keyPrefix"/>.
    /// </summary>
    public static CosPolicy AllowKeyPrefix(string region, string bucket, string keyPrefix, params IEnumerable<string> actions) =>
        CreateBuilder().AllowKeyPrefix(region, bucket, keyPrefix, actions).Build();

    /// <summary>The compact JSON that STS expects (before URL encoding).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteStartArray("statement");
            foreach (var statement in Statements)
            {
                json.WriteStartObject();
                WriteArray(json, "action", statement.Actions);
                json.WriteString("effect", statement.Effect == CosPolicyEffect.Allow ? "allow" : "deny");
                WriteArray(json, "resource", statement.Resources);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The JSON, as <see cref="ToJson"/>.</summary>
    public override string ToString() => ToJson();

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
