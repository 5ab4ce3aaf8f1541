namespace Cos.Generated.Transfer;

/// <summary>Which way a high-level transfer moves an object (the <c>cos.transfer.direction</c> tag of its metrics).</summary>
internal enum CosTransferDirection
{
    Upload,
    Download,
    Copy,
}
