public import QuireCore

/// Marks errors of the e-book writer.
public enum EPUBDomain: ErrorDomain {}
/// An error of the e-book writer (the container could not be made).
public typealias EPUBError = DomainError<EPUBDomain>
