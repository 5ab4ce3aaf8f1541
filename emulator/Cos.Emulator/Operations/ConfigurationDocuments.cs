using Cos.Emulator.Errors;

namespace Cos.Emulator.Operations;

/// <summary>
/// Where the generated handlers of configuration operations (the spec's <c>notConfigured</c> groups: PUT, GET and DELETE
/// of <c>?policy</c>, <c>?tagging</c>, ...) keep their documents: whole, per bucket or per object, in the store (so
/// <c>--data-dir</c> keeps them). The generated reader has already validated a document before it gets here.
/// </summary>
internal static class ConfigurationDocuments
{
    // An object's documents (tagging) belong to the version the request names with versionId, the current one without.
    public static string? Get(OperationContext context, string name) => context.Store.GetConfiguration(Bucket(context), context.Key, name, VersionId(context));

    public static void Put(OperationContext context, string name, string document) => context.Store.PutConfiguration(Bucket(context), context.Key, name, document, VersionId(context));

    public static void Delete(OperationContext context, string name) => context.Store.DeleteConfiguration(Bucket(context), context.Key, name, VersionId(context));

    /// <summary>The error COS answers when the configuration does not exist (<c>NoSuchPolicy</c>, <c>NoSuchTagSet</c>).</summary>
    public static Exception NotConfigured(string code, int status, string message) => new CosErrorException(status, code, message);

    private static string? VersionId(OperationContext context) => context.Key.Length == 0 ? null : context.VersionId;

    private static string Bucket(OperationContext context) => context.Store.GetBucket(context.Bucket) is null ? throw CosErrors.NoSuchBucket() : context.Bucket;
}
