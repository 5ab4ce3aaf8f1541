namespace Cos.Generated.Backend.Browser;

/// <summary>Why a <see cref="CosBrowserSigner"/> refused to sign.</summary>
public enum CosSignRefusal
{
    /// <summary>The method is not in <see cref="CosBrowserSignerOptions.AllowedMethods"/>.</summary>
    MethodNotAllowed,

    /// <summary>The pathname is missing, has control characters, or a <c>.</c>/<c>..</c> segment (raw or percent-decoded).</summary>
    InvalidPath,

    /// <summary>The key is not under any of <see cref="CosBrowserSignerOptions.AllowedKeyPrefixes"/>.</summary>
    KeyNotAllowed,

    /// <summary>The Host names a bucket or region that is not allowed, or is not a COS bucket host.</summary>
    BucketNotAllowed,

    /// <summary>Buckets are restricted but the request signs no Host, so the signature would work on any bucket.</summary>
    HostRequired,

    /// <summary>A query parameter (a sub-resource such as <c>acl</c>) is not in <see cref="CosBrowserSignerOptions.AllowedQueryParameters"/>.</summary>
    QueryNotAllowed,

    /// <summary>An ACL header (<c>x-cos-acl</c>, <c>x-cos-grant-*</c>) while <see cref="CosBrowserSignerOptions.AllowAclHeaders"/> is off.</summary>
    HeaderNotAllowed,
}
