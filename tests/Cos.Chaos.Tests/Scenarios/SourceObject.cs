using Cos.Chaos.Tests.Running;
using Cos.Generated.Transfer;

namespace Cos.Chaos.Tests.Scenarios;

/// <summary>Puts the object a download, read or copy starts from, before any fault is armed.</summary>
internal static class SourceObject
{
    public static async Task PutAsync(ChaosContext context, string key)
    {
        using var content = new MemoryStream(context.Data, writable: false);
        await context.Setup.UploadAsync(ChaosContext.Bucket, key, content, new CosUploadOptions { OnFailure = CosUploadFailureAction.Abort });
    }
}
