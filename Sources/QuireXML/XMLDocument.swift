import Foundation
public import QuireCore

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

    /// The largest input accepted, in bytes: 20 MiB, several times the densest page seen (a
    /// newspaper page's ALTO with every word is 2–8 MB). Parsing takes about 25 bytes of memory
    /// per byte of XML (a 60 MB file took 1.48 GB), so the cap bounds memory at about 500 MB.
    public static let maximumInputBytes = 20 * 1024 * 1024

    /// Parses `bytes`; `name` (usually the file path) is used in errors.
    ///
    /// The bytes are checked first (``InputChecks``: size cap, gzip, encoding, DTD), then parsed
    /// by libxml2 with network, entities, DTD loading and XInclude off.
    public init(bytes: [UInt8], name: String) throws(XMLError) {
        let prepared = try InputChecks.prepare(bytes, name: name, maximumBytes: Self.maximumInputBytes)
        document = try LibXMLCalls.parse(prepared, name: name)
        self.name = name
    }

    /// Reads and parses the file at `path`; a file over the cap is refused from its size alone,
    /// before any of it is read.
    public convenience init(contentsOfFile path: String) throws(XMLError) {
        try self.init(bytes: Self.readCapped(path), name: path)
    }

    /// The file's bytes, refused unread when over ``maximumInputBytes``.
    static func readCapped(_ path: String) throws(XMLError) -> [UInt8] {
        let context = ErrorContext(file: path)
        let size: Int
        do {
            // The file itself, not a link to it; and only a regular file: opening a FIFO or a
            // device to read waits for a writer that may never come.
            let attributes = try FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath)
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                throw XMLError(.unreadableFile, "is not a regular file (a folder, pipe or device)", remedy: "give the path of an ALTO, PAGE-XML or hOCR file", context: context)
            }
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch let error as XMLError {
            throw error
        } catch {
            throw XMLError(.unreadableFile, "cannot be read (\((error as NSError).localizedDescription))", remedy: "check the path and its permissions", context: context)
        }
        guard size <= maximumInputBytes else { throw XMLError.tooLarge(size, cap: maximumInputBytes, context: context) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw XMLError(.unreadableFile, "cannot be opened for reading", remedy: "check the path and its permissions", context: context)
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: maximumInputBytes + 1) ?? Data()
            guard data.count <= maximumInputBytes else { throw XMLError.tooLarge(data.count, cap: maximumInputBytes, context: context) }
            return [UInt8](data)
        } catch let error as XMLError {
            throw error
        } catch {
            throw XMLError(.unreadableFile, "cannot be read (\((error as NSError).localizedDescription))", remedy: "check the file and the disk", context: context)
        }
    }

    deinit { LibXMLCalls.free(document) }

    /// Runs `body` with the libxml2 document; only for ``LibXMLCalls`` helpers.
    func withDocumentPointer<T>(_ body: (OpaquePointer) -> T) -> T { body(document) }

    /// The root element's local name.
    public var rootName: String { rootElement?.name ?? "" }

    /// The root element's namespace URI, if any.
    public var rootNamespace: String? { rootElement?.namespace }

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
