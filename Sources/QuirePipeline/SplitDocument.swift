import Foundation
public import QuireAlign
public import QuireCatalogue
public import QuireCore

/// Match & split of a known text onto a document's OCR'd pages, stored in the catalogue only
/// when the split is accepted (``SplitResult/checkAcceptable(file:document:)``) and not a dry run.
public struct SplitDocument: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) { self.catalogue = catalogue }

    /// What a split did.
    public struct Outcome: Sendable {
        public var result: SplitResult
        /// True when the split was written to the catalogue.
        public var stored: Bool
        public var source: TranscriptSource
    }

    /// Splits the text at `textFile` onto the pages of `id` (all, or `pages`), and stores it
    /// unless `dryRun`. Throws for a bad text (empty, binary, not UTF-8), a document without OCR,
    /// and a text that does not match the scan; nothing is written then.
    public func split(_ id: DocumentID, textFile: String, pages range: ClosedRange<Int>? = nil, dryRun: Bool = false) throws -> Outcome {
        let (text, sha256) = try Self.readText(textFile)
        var input: [SplitInputPage] = []
        for page in try catalogue.pages(of: id) {
            if let range, !range.contains(page.number.rawValue) { continue }
            let ocr = page.state == .done ? try catalogue.text(id, page.number) : nil
            input.append(SplitInputPage(number: page.number, text: ocr))
        }
        guard input.contains(where: { $0.text != nil }) else {
            throw PipelineError(
                .invalidInput, range == nil ? "no page has OCR text yet" : "no page in --pages \(range!.lowerBound)-\(range!.upperBound) has OCR text yet",
                remedy: "run 'quire ocr \(id)' first (or import texts); match & split aligns the text to the pages' OCR",
                context: ErrorContext(document: id))
        }
        // A page without text would pass for a blank one and shift the text around it.
        let withoutText = input.filter { $0.text == nil }.map(\.number)
        guard withoutText.isEmpty else {
            throw PipelineError(
                .invalidInput, "\(withoutText.count == 1 ? "page" : "pages") \(PageSplitter.describe(withoutText)) \(withoutText.count == 1 ? "has" : "have") no text yet (OCR pending, failed or quarantined)",
                remedy: "run 'quire ocr \(id)' (with --retry-quarantined for quarantined pages) first, or split onto the other pages with --pages FROM-TO",
                context: ErrorContext(document: id))
        }
        let result = try PageSplitter.split(text, pages: input, file: textFile)
        try result.checkAcceptable(file: textFile, document: id)
        let source = TranscriptSource(path: textFile, sha256: sha256)
        if !dryRun {
            let records = result.pages.filter(\.hasText).map { page in
                TranscriptPageRecord(
                    number: page.number, text: page.text, confidence: page.confidence, level: page.level,
                    flags: page.flags.map(\.rawValue), reasons: page.reasons, endsParagraph: page.endsParagraph)
            }
            try catalogue.storeTranscriptSplit(id, pages: records, source: source, range: range)
        }
        return Outcome(result: result, stored: !dryRun, source: source)
    }

    /// The text of a transcript file and its SHA-256. Refuses a missing or unreadable file, an
    /// empty one, a binary one (NUL or other control bytes) and one that is not UTF-8, naming it.
    public static func readText(_ path: String) throws(PipelineError) -> (text: String, sha256: String) {
        let context = ErrorContext(file: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(.unreadableFile, "cannot be read (missing, a folder, or not readable)", remedy: "give the path of the transcript's text file", context: context)
        }
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else {
            throw PipelineError(.emptyInput, "the text file is empty (0 bytes)", remedy: "give the file that holds the transcript", context: context)
        }
        if Self.looksLikeUTF16(bytes) {
            throw PipelineError(
                .invalidText, "is UTF-16 text, not UTF-8",
                remedy: "convert it to UTF-8, e.g. 'iconv -f utf-16 -t utf-8 in.txt > out.txt'", context: context)
        }
        if SourceFormat.sniff(Array(bytes.prefix(64))).map({ $0 != .text }) == true || bytes.contains(0) || Self.controlShare(bytes) > 0.01 {
            throw PipelineError(
                .invalidText, "is a binary file, not a text",
                remedy: "give the transcript as plain text or Markdown in UTF-8 (export it from the word processor as .txt)", context: context)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(bytes: body, encoding: .utf8) else {
            throw PipelineError(
                .invalidText, "is not valid UTF-8 text (perhaps Latin-1 or Windows-1252)",
                remedy: "convert it to UTF-8, e.g. 'iconv -f latin1 -t utf-8 in.txt > out.txt'", context: context)
        }
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw PipelineError(.emptyInput, "the text has no words", remedy: "give the file that holds the transcript", context: context)
        }
        return (text, SHA256.hex(of: bytes))
    }

    /// A UTF-16 byte-order mark, or NUL in every other byte of the start (UTF-16 without one).
    private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let head = Array(bytes.prefix(200))
        guard head.count >= 8 else { return false }
        let evenNULs = stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let oddNULs = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
        return max(evenNULs, oddNULs) * 10 >= head.count / 2 * 8 && min(evenNULs, oddNULs) == 0
    }

    /// Share of control bytes other than tab, line feed, carriage return and form feed.
    private static func controlShare(_ bytes: [UInt8]) -> Double {
        let controls = bytes.lazy.filter { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C) || $0 == 0x7F }.count
        return Double(controls) / Double(bytes.count)
    }
}
