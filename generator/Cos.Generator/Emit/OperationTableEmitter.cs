using System.Linq;
using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>
/// The operation table (<c>{Service}Operations</c>): one row per operation with its route, retry class and CAM action.
/// Marshallers build requests from these rows; the runtime's credential scope, the emulator's routing and CAM checks
/// and the backend's action names read them, so no project keeps per-operation facts of its own.
/// </summary>
internal static class OperationTableEmitter
{
    private const string Operation = "global::Cos.Generated.Protocol.CosOperation";

    public static string Emit(ServiceModel service)
    {
        var w = FileHeader.Start(service.Namespace);
        Docs.Summary(w, "Every operation of the spec: its route, retry class and CAM action, as the client, the emulator and the backend read them.");
        using (w.Block($"public static partial class {service.Name}Operations"))
        {
            foreach (var op in service.Operations)
            {
                Docs.Summary(w, $"<see cref=\"{service.ClientName}.{op.Name}Async\"/>: {Docs.Escape(op.Method)}, CAM action <c>name/cos:{Docs.Escape(op.Cam.Action)}</c>.");
                w.Line($"public static {Operation} {op.Name} {{ get; }} = new()");
                w.Line("{");
                w.Indent();
                w.Line($"Name = {TypeNames.Literal(op.Name)},");
                w.Line($"Method = global::System.Net.Http.HttpMethod.{MethodName(op.Method)},");
                w.Line($"Safety = global::Cos.Generated.Protocol.CosOperationSafety.{op.Safety},");
                if (op.ServiceScope)
                {
                    w.Line("ServiceScope = true,");
                }

                if (op.HasKeyLabel)
                {
                    w.Line("HasKey = true,");
                }

                if (op.SubResources.Length > 0)
                {
                    var pairs = op.SubResources.Select(s => $"new({TypeNames.Literal(s.Name)}, {(s.Value is null ? "null" : TypeNames.Literal(s.Value))})");
                    w.Line($"SubResources = [{string.Join(", ", pairs)}],");
                }

                var query = op.Input.Where(m => m.Required && m.Location == Location.Query).Select(m => TypeNames.Literal(m.WireName)).ToList();
                if (query.Count > 0)
                {
                    w.Line($"RequiredQuery = [{string.Join(", ", query)}],");
                }

                var headers = op.Input.Where(m => m.Required && m.Location == Location.Header).Select(m => TypeNames.Literal(m.WireName.ToLowerInvariant())).ToList();
                if (headers.Count > 0)
                {
                    w.Line($"RequiredHeaders = [{string.Join(", ", headers)}],");
                }

                w.Line($"CamAction = {TypeNames.Literal("name/cos:" + op.Cam.Action)},");
                if (op.Cam.ResourceQuery is { } resource)
                {
                    w.Line($"CamResourceQuery = {TypeNames.Literal(resource.WireName)},");
                }

                if (op.Cam.EachKeyOf is not null)
                {
                    w.Line("CamEachKey = true,");
                }

                if (op.Cam.CopySource is { } copySource)
                {
                    w.Line($"CopySourceHeader = {TypeNames.Literal(copySource.WireName.ToLowerInvariant())},");
                }

                if (op.JsSdkMethod is not null)
                {
                    w.Line($"JsSdkMethod = {TypeNames.Literal(op.JsSdkMethod)},");
                }

                w.Dedent();
                w.Line("};");
                w.Line();
            }

            Docs.Summary(w, "Every row, in the spec's order.");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Operation}> All {{ get; }} =");
            w.Line("[");
            w.Indent();
            foreach (var op in service.Operations)
            {
                w.Line($"{op.Name},");
            }

            w.Dedent();
            w.Line("];");
        }

        return w.ToString();
    }

    internal static string MethodName(string method) => method switch
    {
        "GET" => "Get",
        "HEAD" => "Head",
        "PUT" => "Put",
        "POST" => "Post",
        "DELETE" => "Delete",
        _ => "Options",
    };
}
