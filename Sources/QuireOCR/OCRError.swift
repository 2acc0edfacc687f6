public import QuireCore

/// Marks errors of the OCR module.
public enum OCRDomain: ErrorDomain {}
/// An error of the OCR module: a file that cannot be read as a scan, or a missing dependency.
public typealias OCRError = DomainError<OCRDomain>
