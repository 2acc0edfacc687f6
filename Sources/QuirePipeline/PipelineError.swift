public import QuireCore

/// Marks errors of orchestration.
public enum PipelineDomain: ErrorDomain {}
/// An error raised by orchestration itself (reading files, expanding folders).
public typealias PipelineError = DomainError<PipelineDomain>
