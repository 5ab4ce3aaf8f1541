namespace Cos.Generated.MSBuild;

/// <summary>An error or warning found while planning, logged by the task with its stable code.</summary>
/// <param name="Code">One of <see cref="CosErrorCodes"/>.</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="IsError">True for an error (the task fails), false for a warning.</param>
internal sealed record PlanDiagnostic(string Code, string Message, bool IsError);
