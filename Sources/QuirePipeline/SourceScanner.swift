import Foundation
import QuireCatalogue
import QuireCore
import QuireOCR
import Synchronization

/// Turns the paths given to `quire add` into inspected, fingerprinted source files, one result
/// per file: folders are expanded (their scans, in natural order), every file is typed from its
/// bytes, checked cheaply, and hashed. A bad file becomes an error for that file only.
struct SourceScanner: Sendable {
    /// One file the scanner looked at.
    enum Item: Sendable {
        case candidate(SourceCandidate)
        case failure(any QuireError)
        /// A file inside a folder that is not a scan (a transcript must be named explicitly).
        case skipped(path: String, reason: String)
    }

    let workingDirectory: String
    /// Register digitally signed PDFs (a person decided they may be published).
    var acceptSignedPDF = false
    /// Read the subfolders of a folder too (`add --recursive`); otherwise each is reported skipped.
    var recursive = false

    /// One file to inspect, or an error found while expanding the paths.
    private enum Work: Sendable {
        case file(path: String, insideFolder: Bool)
        case done(Item)
    }

    /// Inspects every file, several at a time (files are independent; hashing dominates), and
    /// returns one item per file in the order given, folders expanded in natural order.
    func scan(_ paths: [String], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Item] {
        let work = expand(paths)
        let results = ResultSlots<Item>(count: work.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(concurrency, work.count))) { worker in
            var index = worker
            while index < work.count {
                switch work[index] {
                case .done(let item): results.set(index, item)
                case .file(let path, let insideFolder): results.set(index, inspect(path, insideFolder: insideFolder))
                }
                index += max(1, min(concurrency, work.count))
            }
        }
        return results.values
    }

    private func expand(_ paths: [String]) -> [Work] {
        var work: [Work] = []
        for given in paths {
            let absolute = URL(fileURLWithPath: CatalogueLocator.absolutePath(given, relativeTo: workingDirectory)).resolvingSymlinksInPath().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                work.append(.done(.failure(PipelineError(.unreadableFile, "does not exist", remedy: "check the path", context: ErrorContext(file: given)))))
                continue
            }
            if isDirectory.boolValue {
                work.append(contentsOf: expandFolder(absolute, given: given))
            } else {
                work.append(.file(path: absolute, insideFolder: false))
            }
        }
        return work
    }

    private func expandFolder(_ folder: String, given: String) -> [Work] {
        var files: [(relative: String, path: String)] = []
        var skipped: [Work] = []
        var failures: [Work] = []
        collect(folder, relative: "", given: given, files: &files, skipped: &skipped, failures: &failures)
        // Natural order by the path inside the folder: ch2/p10 after ch2/p9, ch10 after ch2.
        files.sort { $0.relative.compare($1.relative, options: [.numeric]) == .orderedAscending }
        var work: [Work] = failures + files.map { .file(path: URL(fileURLWithPath: $0.path).resolvingSymlinksInPath().path, insideFolder: true) }
        work += skipped
        if files.isEmpty && skipped.isEmpty && failures.isEmpty {
            work.append(.done(.failure(PipelineError(.emptyInput, "the folder holds no files", remedy: "point at the folder with the page images", context: ErrorContext(file: given)))))
        }
        return work
    }

    /// The files under `folder` (relative path and path), descending into subfolders when
    /// `recursive`, else listing each subfolder as skipped with what to do.
    private func collect(
        _ folder: String, relative: String, given: String, files: inout [(relative: String, path: String)], skipped: inout [Work], failures: inout [Work]
    ) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            let name = relative.isEmpty ? given : (given as NSString).appendingPathComponent(relative)
            failures.append(.done(.failure(PipelineError(.unreadableFile, "the folder cannot be listed", remedy: "check its permissions", context: ErrorContext(file: name)))))
            return
        }
        for name in names.filter({ !$0.hasPrefix(".") }).sorted(by: { $0.compare($1, options: [.numeric]) == .orderedAscending }) {
            let path = (folder as NSString).appendingPathComponent(name)
            let inside = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                files.append((inside, path))
            } else if recursive {
                collect(path, relative: inside, given: given, files: &files, skipped: &skipped, failures: &failures)
            } else {
                skipped.append(.done(.skipped(path: path, reason: "a subfolder; pass --recursive to register the files in subfolders")))
            }
        }
    }

    private func inspect(_ path: String, insideFolder: Bool) -> Item {
        let context = ErrorContext(file: path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(PipelineError(.unreadableFile, "cannot be opened for reading", remedy: "check its permissions", context: context))
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        guard size > 0 else {
            return .failure(PipelineError(.emptyInput, "the file is empty (0 bytes)", remedy: "rescan or re-export it, or leave it out", context: context))
        }
        let head = [UInt8]((try? handle.read(upToCount: 64)) ?? Data())
        guard let format = SourceFormat.sniff(head) else {
            if Self.looksLikeEightBitText(head) && !insideFolder {
                return .failure(PipelineError(
                    .invalidText, "looks like text but is not UTF-8 (perhaps Latin-1 or Windows-1252)",
                    remedy: "convert it to UTF-8, e.g. 'iconv -f latin1 -t utf-8 in.txt > out.txt'", context: context))
            }
            if insideFolder { return .skipped(path: path, reason: "not an image, PDF or DjVu") }
            return .failure(PipelineError(
                .unsupportedFormat, "is not a supported scan or text (its bytes are not PNG, JPEG, TIFF, JPEG 2000, WebP, GIF, PNM, BMP, PDF, DjVu or UTF-8 text)",
                remedy: "convert it to one of those formats, e.g. TIFF or PDF", context: context))
        }
        if format == .text && insideFolder {
            return .skipped(path: path, reason: "a text file; name transcripts explicitly to register them")
        }
        do {
            try handle.seek(toOffset: 0)
            var hasher = SHA256()
            var utf8 = UTF8Validator()
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(chunk)
                if format == .text { utf8.feed(chunk) }
            }
            let pageCount: Int
            if format == .text {
                guard utf8.finish() else {
                    return .failure(PipelineError(
                        .invalidText, "is not valid UTF-8 text (or contains NUL bytes)",
                        remedy: "convert it to UTF-8, e.g. 'iconv -f latin1 -t utf-8 in.txt > out.txt'", context: context))
                }
                pageCount = 0
            } else {
                pageCount = try SourceInspector.inspect(path: path, format: format).pageCount
                if format == .pdf && !acceptSignedPDF {
                    let signatures = try SourceInspector.signatureCount(pdf: path)
                    if signatures > 0 {
                        return .failure(PipelineError(
                            .signedPDF, "the PDF is digitally signed (\(signatures) signature\(signatures == 1 ? "" : "s")); a signed document is a record someone vouched for",
                            remedy: "a person decides whether it may be published; Quire never modifies the file, so the signature stays valid: add it again with --accept-signed-pdf",
                            context: context))
                    }
                }
            }
            return .candidate(SourceCandidate(absolutePath: path, sha256: hasher.finalizeHex(), byteSize: size, format: format, pageCount: pageCount))
        } catch let error as any QuireError {
            return .failure(error)
        } catch {
            return .failure(PipelineError(.unreadableFile, "cannot be read (\(error.localizedDescription))", remedy: "check the disk and the file", context: context))
        }
    }
}

extension SourceScanner {
    /// Bytes without NUL or control characters other than tab, line feed, form feed and carriage
    /// return: text in a legacy 8-bit encoding rather than a binary format.
    static func looksLikeEightBitText(_ head: [UInt8]) -> Bool {
        let allowed: Set<UInt8> = [0x09, 0x0A, 0x0C, 0x0D]
        return !head.isEmpty && !head.contains { ($0 < 0x20 && !allowed.contains($0)) || $0 == 0x7F }
    }
}

/// Streaming UTF-8 validation that also refuses NUL bytes.
struct UTF8Validator {
    private var pending: [UInt8] = []
    private var valid = true

    mutating func feed(_ chunk: some Collection<UInt8>) {
        guard valid else { return }
        pending.append(contentsOf: chunk)
        if pending.contains(0) { valid = false; return }
        // Keep an incomplete trailing sequence for the next chunk.
        var cut = pending.count
        var back = 0
        while back < 3, cut > 0, pending[cut - 1] & 0xC0 == 0x80 { cut -= 1; back += 1 }
        if cut > 0, pending[cut - 1] & 0xC0 == 0xC0 { cut -= 1 } else { cut = pending.count }
        guard String(validating: pending[..<cut], as: UTF8.self) != nil else { valid = false; return }
        pending.removeFirst(cut)
    }

    mutating func finish() -> Bool {
        guard valid else { return false }
        return pending.isEmpty || String(validating: pending, as: UTF8.self) != nil
    }
}

/// Fixed slots filled from several threads, each slot by exactly one of them.
private final class ResultSlots<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ value: Value) { slots.withLock { $0[index] = value } }

    /// Every slot's value, in order; all slots are filled by then.
    var values: [Value] { slots.withLock { $0.compactMap { $0 } } }
}
