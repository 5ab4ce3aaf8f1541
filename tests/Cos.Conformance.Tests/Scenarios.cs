namespace Cos.Conformance.Tests;

/// <summary>
/// The conformance scenarios, by the names <c>tests/conformance/node/scenarios.js</c> knows them. Both
/// the Node SDK and our <see cref="Cos.Generated.CosClient"/> run every one against the emulator.
/// </summary>
public static class Scenarios
{
    public static readonly IReadOnlyList<string> Names =
    [
        "putBucket",
        "putObjectSpecialKeys",
        "getObject",
        "headObject",
        "getBucketPrefixDelimiter",
        "sliceUploadFile",
        "resumeSliceUpload",
        "putObjectCopy",
        "deleteMultipleObject",
        "getObjectUrl",
        "wrongSecretKey",
        "deleteObject",
        "objectAcl",
        "appendObject",
        "restoreObject",
        "putBucketCors",
        "putBucketVersioning",
        "listObjectVersions",
        "putBucketInventory",
        "putBucketReplication",
        "putBucketLifecycle",
        "putBucketDomain",
        "putBucketOrigin",
        "putBucketAccelerate",
        "putBucketLogging",
        "bucketBasics",
        "bucketAcl",
        "putBucketPolicy",
        "putBucketTagging",
        "objectTagging",
        "putBucketReferer",
        "putBucketEncryption",
        "putBucketWebsite",
        "multipartLowLevel",
        "selectObjectContent",
    ];

    public static TheoryData<string> All => new(Names);
}
