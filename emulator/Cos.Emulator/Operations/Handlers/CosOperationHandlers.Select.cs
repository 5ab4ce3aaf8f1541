using Cos.Emulator.Errors;
using Cos.Emulator.Operations.Select;
using Cos.Generated;
using Cos.Generated.Protocol;

namespace Cos.Emulator.Operations;

/// <summary>
/// SELECT Object Content: the object (the version asked for) is read as GetObject reads it (an archived object is 403
/// InvalidObjectState until restored, an SSE-C object needs its key), the SQL subset of <see cref="SqlParser"/> runs
/// over it, and the events go out through the generated event writer (framed, both CRC-32s).
/// </summary>
internal sealed partial class CosOperationHandlers
{
    private partial async Task<SelectObjectContentResponse> SelectObjectContentAsync(SelectObjectContentRequest request, OperationContext context)
    {
        RequireBucket(context);
        var (record, content) = context.Store.OpenObject(context.Bucket, context.Key, request.VersionId) ?? throw CosErrors.NoSuchKey();
        byte[] stored;
        await using (content)
        {
            // COS Select reads SSE-COS objects; the operation has no SSE-C headers, so an SSE-C object is refused as GetObject refuses a read without its key.
            CheckReadKey(record, null, null, null);
            if (IsArchived(record) && RestoreState(record, context) is not { Ongoing: false })
            {
                throw new CosErrorException(403, "InvalidObjectState", "The object is archived: restore it with POST Object restore before selecting from it.");
            }

            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, context.Http.RequestAborted);
            stored = buffer.ToArray();
        }

        var events = SelectRunner.Run(request, stored);
        return new SelectObjectContentResponse { Events = new CosEventStream<SelectEvent>(events.ToAsyncEnumerable()) };
    }
}
