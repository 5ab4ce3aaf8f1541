using System.Text;

namespace Cos.Emulator.Operations.Select;

/// <summary>Appends one result record, with its record delimiter, in the output serialization.</summary>
internal interface ISelectRecordWriter
{
    void Write(StringBuilder output, IReadOnlyList<(string Name, SqlValue Value)> record);
}
