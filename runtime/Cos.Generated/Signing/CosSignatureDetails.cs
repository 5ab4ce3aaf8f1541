namespace Cos.Generated.Signing;

/// <summary>
/// Every intermediate of one signature (cos-protocol.md §3), to explain or debug a signature mismatch.
/// <see cref="ToString"/> leaves out <see cref="SignKey"/>, which can sign any request of its key time.
/// </summary>
public sealed class CosSignatureDetails
{
    internal CosSignatureDetails(
        string httpString, string stringToSign, string signKey, string signature, string headerList, string urlParamList, CosKeyTime keyTime, string authorization)
    {
        HttpString = httpString;
        StringToSign = stringToSign;
        SignKey = signKey;
        Signature = signature;
        HeaderList = headerList;
        UrlParamList = urlParamList;
        KeyTime = keyTime;
        Authorization = authorization;
    }

    /// <summary><c>m\npath\nparams\nheaders\n</c>.</summary>
    public string HttpString { get; }

    /// <summary><c>sha1\nKeyTime\nhex(SHA1(HttpString))\n</c>.</summary>
    public string StringToSign { get; }

    /// <summary><c>hex(HMAC-SHA1(SecretKey, KeyTime))</c>. Secret for the duration of the key time.</summary>
    public string SignKey { get; }

    /// <summary><c>hex(HMAC-SHA1(SignKey, StringToSign))</c>.</summary>
    public string Signature { get; }

    /// <summary>The <c>q-header-list</c> value.</summary>
    public string HeaderList { get; }

    /// <summary>The <c>q-url-param-list</c> value.</summary>
    public string UrlParamList { get; }

    /// <summary>The <c>q-sign-time</c> and <c>q-key-time</c>.</summary>
    public CosKeyTime KeyTime { get; }

    /// <summary>The Authorization header value.</summary>
    public string Authorization { get; }

    /// <summary>The intermediates without <see cref="SignKey"/>.</summary>
    public override string ToString() =>
        $"HttpString: {HttpString.ReplaceLineEndings("\\n")}; StringToSign: {StringToSign.ReplaceLineEndings("\\n")}; Authorization: {Authorization}";
}
