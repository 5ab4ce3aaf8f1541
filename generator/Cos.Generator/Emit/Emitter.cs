using System.Collections.Generic;
using Cos.Generator.Model;

namespace Cos.Generator.Emit;

/// <summary>Every generated file of a spec, as (hint name, source).</summary>
internal static class Emitter
{
    public static IEnumerable<(string Hint, string Source)> Emit(ServiceModel service)
    {
        foreach (var op in service.Operations)
        {
            yield return ($"{service.Name}.{op.Name}.g.cs", OperationEmitter.Emit(service, op));
        }

        foreach (var shape in service.Structures)
        {
            yield return ($"{service.Name}.Shapes.{shape.Name}.g.cs", ShapeEmitter.Emit(service, shape));
        }

        foreach (var stream in service.EventStreams)
        {
            yield return ($"{service.Name}.Events.{stream.Name}.g.cs", EventStreamEmitter.Emit(service, stream));
        }

        foreach (var model in service.Enums)
        {
            yield return ($"{service.Name}.Enums.{model.Name}.g.cs", EnumEmitter.Emit(service, model));
        }

        yield return ($"{service.Name}.ErrorCodes.g.cs", ErrorsEmitter.Emit(service));
        yield return ($"{service.Name}.Operations.g.cs", OperationTableEmitter.Emit(service));
    }
}
