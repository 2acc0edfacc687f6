/// One page image to read: a file and the page within it.
public struct PageImageSource: Hashable, Sendable, Codable {
    /// The file's path on this machine.
    public var path: String
    /// The 0-based page within a multi-page file; 0 for single images.
    public var pageIndex: Int
    /// The format detected from the file's bytes.
    public var format: SourceFormat

    public init(path: String, pageIndex: Int = 0, format: SourceFormat) {
        self.path = path
        self.pageIndex = pageIndex
        self.format = format
    }
}

/// Who made a result: name and version, for provenance and reports.
public struct EngineIdentity: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var version: String
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
    public var description: String { "\(name) \(version)" }
}

/// One OCR engine instance, bound to one worker: initialised once, reused for many pages, never
/// shared between threads (hence not `Sendable`). Concrete engines are chosen only by the `quire`
/// executable; pipelines and tests take any engine, including the fakes of `QuireTestSupport`.
public protocol OCREngine {
    /// Name and version, recorded in each page's provenance.
    var identity: EngineIdentity { get }

    /// Reads one page. Soft failures (a blank page, a too-small image) are flags on the result;
    /// errors are thrown only when the page could not be read at all.
    mutating func recognize(_ source: PageImageSource) throws -> PageText

    /// Reads one page of `document`, a key shared by the pages that belong together (a catalogue
    /// document; nil when unknown): an engine may carry what it learnt on some of them to the rest.
    mutating func recognize(_ source: PageImageSource, document: String?) throws -> PageText
}

extension OCREngine {
    /// Engines that learn nothing from a document's other pages read each page alone.
    public mutating func recognize(_ source: PageImageSource, document: String?) throws -> PageText {
        try recognize(source)
    }
}

/// Makes one engine per worker; shared by the orchestrator across tasks.
public protocol OCREngineFactory: Sendable {
    /// A fresh engine for one worker, reading `languages`.
    func makeEngine(languages: LanguageSet) throws -> any OCREngine
}
