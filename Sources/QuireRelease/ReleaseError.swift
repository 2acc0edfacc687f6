public import QuireCore

/// Marks errors of the release writers (searchable PDF, DjVu).
public enum ReleaseDomain: ErrorDomain {}
/// An error of the release writers: an output that cannot be written, an image they cannot take.
public typealias ReleaseError = DomainError<ReleaseDomain>
