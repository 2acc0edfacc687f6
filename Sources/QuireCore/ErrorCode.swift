/// The reason codes Quire's errors and page flags carry: stable strings for logs, JSON and the
/// catalogue. Each belongs to one ``ErrorCategory``, which the CLI maps to an exit code.
public enum ErrorCode: String, CaseIterable, Sendable, Codable {
    // The input itself.
    case emptyInput = "empty_input"
    case unsupportedFormat = "unsupported_format"
    case invalidInput = "invalid_input"
    case tooSmall = "too_small"
    case imageTooLarge = "image_too_large"
    case encryptedPDF = "encrypted_pdf"
    case signedPDF = "signed_pdf"
    case invalidText = "invalid_text"
    case unreadableFile = "unreadable_file"
    // The catalogue.
    case catalogueNotFound = "catalogue_not_found"
    case catalogueExists = "catalogue_exists"
    case catalogueTooNew = "catalogue_too_new"
    case catalogueDamaged = "catalogue_damaged"
    case catalogueBusy = "catalogue_busy"
    case documentNotFound = "document_not_found"
    case documentExists = "document_exists"
    case fileRegisteredElsewhere = "file_registered_elsewhere"
    case fileChanged = "file_changed"
    case clearanceConflict = "clearance_conflict"
    // The machine.
    case missingDependency = "missing_dependency"
    case outputNotWritable = "output_not_writable"
    case diskFull = "disk_full"
    case ioFailure = "io_failure"
    // Arguments and policy.
    case invalidArgument = "invalid_argument"
    case clearanceRequired = "clearance_required"
    // A wiki's answers when publishing.
    case loginFailed = "login_failed"
    case missingRights = "missing_rights"
    case serverLag = "server_lag"
    case serverUnavailable = "server_unavailable"
    case editRefused = "edit_refused"
    case editConflict = "edit_conflict"
    // Ours.
    case internalError = "internal_error"

    /// The family this code belongs to.
    public var category: ErrorCategory {
        switch self {
        case .emptyInput, .unsupportedFormat, .invalidInput, .tooSmall, .imageTooLarge, .encryptedPDF, .signedPDF,
             .invalidText, .unreadableFile:
            .input
        case .catalogueNotFound, .catalogueExists, .catalogueTooNew, .catalogueDamaged, .catalogueBusy:
            .catalogue
        case .documentNotFound, .documentExists, .fileRegisteredElsewhere, .fileChanged, .clearanceConflict:
            .conflict
        case .missingDependency: .environment
        case .outputNotWritable, .diskFull, .ioFailure: .io
        case .invalidArgument: .usage
        case .clearanceRequired: .clearance
        case .loginFailed: .input
        case .missingRights: .environment
        case .serverLag, .serverUnavailable: .io
        case .editRefused, .editConflict: .conflict
        case .internalError: .internal
        }
    }
}

/// Families of errors; the CLI gives each its own exit code (see the README's table).
public enum ErrorCategory: String, CaseIterable, Sendable, Codable {
    /// A bad argument or option value.
    case usage
    /// A file that cannot be used as given.
    case input
    /// The catalogue is missing, too new, damaged or locked.
    case catalogue
    /// The request contradicts what the catalogue holds.
    case conflict
    /// Something the machine lacks: a program, a library, language data.
    case environment
    /// Reading or writing files failed.
    case io
    /// The document is not cleared for the target.
    case clearance
    /// A bug of ours.
    case `internal`
}

/// Where an error happened: the file and page it concerns, when it concerns one.
public struct ErrorContext: Hashable, Sendable, Codable {
    /// The file, as the user named it.
    public var file: String?
    /// The page within that file (1-based), or the document's physical page.
    public var page: Int?
    /// The document, when one is concerned.
    public var document: DocumentID?

    public init(file: String? = nil, page: Int? = nil, document: DocumentID? = nil) {
        self.file = file
        self.page = page
        self.document = document
    }

    /// `file 'a.tif', page 3` or `document 'x'`; empty when nothing is known.
    public var prefix: String {
        var parts: [String] = []
        if let document { parts.append("document '\(document)'") }
        if let file { parts.append("'\(file)'") }
        if let page { parts.append("page \(page)") }
        return parts.joined(separator: ", ")
    }
}

/// What every Quire error carries: a code, a message, a remedy and where it happened.
///
/// Messages never contain private text (transcript contents, passwords).
public protocol QuireError: Error, CustomStringConvertible, Sendable {
    /// The stable reason code.
    var code: ErrorCode { get }
    /// What went wrong, in a sentence.
    var message: String { get }
    /// What to do about it, in a sentence.
    var remedy: String { get }
    /// The file, page or document concerned.
    var context: ErrorContext { get }
}

extension QuireError {
    /// `'a.tif', page 3: the file is empty. Remove it from the list or rescan the page.`
    public var description: String {
        let prefix = context.prefix
        let head = prefix.isEmpty ? message : "\(prefix): \(message)"
        return remedy.isEmpty ? head : "\(head) — \(remedy)"
    }
}

/// Names the module an error comes from; each module declares one (`enum OCRDomain: ErrorDomain {}`).
public protocol ErrorDomain: Sendable {}

/// A module's error type: `typealias OCRError = DomainError<OCRDomain>`. One definition of the
/// fields every error carries, while each module keeps its own type to throw and to catch.
public struct DomainError<Domain: ErrorDomain>: QuireError, Hashable {
    public let code: ErrorCode
    public let message: String
    public let remedy: String
    public let context: ErrorContext

    public init(_ code: ErrorCode, _ message: String, remedy: String, context: ErrorContext = ErrorContext()) {
        self.code = code
        self.message = message
        self.remedy = remedy
        self.context = context
    }
}

/// Errors of Core's own validation (parsing dates, contributors, identifiers).
public enum CoreDomain: ErrorDomain {}
/// An error raised by Core's own validation.
public typealias CoreError = DomainError<CoreDomain>
