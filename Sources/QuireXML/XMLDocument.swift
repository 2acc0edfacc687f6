import QuireCore

/// The OCR/HTR formats Quire reads, told apart by their root element and namespace.
public enum XMLFormat: String, CaseIterable, Sendable, Codable {
    case alto
    case pageXML = "page"
    case hOCR = "hocr"
    case mediaWikiExport = "mediawiki"
}

/// A parsed XML document with a single owner: the libxml2 tree is freed in `deinit`.
///
/// Parsing refuses DTDs, never touches the network and caps the input size, so hostile files
/// (XXE, billion laughs, external DTDs) fail fast with a clear error.
public final class SafeXMLDocument {
    private let document: OpaquePointer
    /// The name shown in errors.
    public let name: String

    /// The largest input accepted, in bytes.
    public static let maximumInputBytes = 64 * 1024 * 1024

    /// Parses `bytes`; `name` (usually the file path) is used in errors.
    public init(bytes: [UInt8], name: String) throws(XMLError) {
        guard !bytes.isEmpty else {
            throw XMLError(.emptyInput, "the file is empty", remedy: "export the XML again", context: ErrorContext(file: name))
        }
        guard bytes.count <= Self.maximumInputBytes else {
            throw XMLError(
                .invalidInput, "the file is \(bytes.count / 1_048_576) MB, over the \(Self.maximumInputBytes / 1_048_576) MB cap for one page",
                remedy: "split it into one file per page", context: ErrorContext(file: name))
        }
        if bytes.starts(with: [0x1F, 0x8B]) {
            throw XMLError(.unsupportedFormat, "the file is gzip-compressed", remedy: "decompress it first (gunzip)", context: ErrorContext(file: name))
        }
        document = try LibXMLCalls.parse(bytes, name: name)
        self.name = name
    }

    deinit { LibXMLCalls.free(document) }

    /// The root element's local name.
    public var rootName: String { LibXMLCalls.root(of: document)?.name ?? "" }

    /// The root element's namespace URI, if any.
    public var rootNamespace: String? { LibXMLCalls.root(of: document)?.namespace }

    /// Which format this is, from the root element and namespace; nil when unrecognised.
    public var format: XMLFormat? {
        let namespace = rootNamespace ?? ""
        switch rootName.lowercased() {
        case "alto": return .alto
        case "pcgts" where namespace.contains("primaresearch.org/PAGE"): return .pageXML
        case "html": return .hOCR
        case "mediawiki" where namespace.contains("mediawiki.org/xml/export"): return .mediaWikiExport
        default: return nil
        }
    }
}
