import ArgumentParser
import Foundation
import QuireCore
import QuireXML
import Synchronization

/// The per-page output formats of `quire ocr --out`.
enum OCRFormat: String, CaseIterable, ExpressibleByArgument {
    /// Plain text, one line per printed line, a blank line between blocks.
    case txt
    /// hOCR (XHTML with `ocr_page`, `ocr_carea`, `ocr_par`, `ocr_line`, `ocrx_word`).
    case hocr
    /// ALTO 4.
    case alto
    /// PAGE-XML (2019-07-15).
    case page
    /// Quire's own text model as JSON.
    case json

    var fileExtension: String {
        switch self {
        case .txt: "txt"
        case .hocr: "hocr"
        case .alto: "alto.xml"
        case .page: "page.xml"
        case .json: "json"
        }
    }

    func render(_ page: PageText, imageFileName: String?) throws -> Data {
        switch self {
        case .txt: return Data((page.plainText + "\n").utf8)
        case .hocr: return Data(try HOCRWriter().render(page, imageFileName: imageFileName))
        case .alto: return Data(try ALTOWriter().render(page, imageFileName: imageFileName))
        case .page: return Data(try PageXMLWriter().render(page, imageFileName: imageFileName))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(page)
        }
    }
}

/// Writes page files into a folder, each to a temporary name renamed into place, so a file is
/// either complete or absent.
struct OCROutput {
    let folder: String
    let formats: [OCRFormat]
    /// The files being read (device and inode), which no output may replace.
    private let inputs: Set<FileIdentity>

    /// Creates the folder when missing; throws exit 8 when it cannot be written. No file of
    /// `inputs` is ever written over, whatever name or link leads to it.
    init(folder: String, formats: [OCRFormat], inputs: [String] = []) throws {
        self.folder = folder
        self.formats = formats
        self.inputs = Set(inputs.compactMap(FileIdentity.init(path:)))
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {}
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw CoreError(.outputNotWritable, "the output folder cannot be written", remedy: "choose another --out folder or fix its permissions", context: ErrorContext(file: folder))
        }
    }

    /// An output into a folder known to exist, guarding `inputs`.
    init(folder: String, formats: [OCRFormat], inputs: Set<FileIdentity>) {
        self.folder = folder
        self.formats = formats
        self.inputs = inputs
    }

    /// Writes every format of `page` as `base.EXT`; returns the first error, naming the file.
    func write(_ page: PageText, base: String, imageFileName: String? = nil) -> (any QuireError)? {
        for format in formats {
            let target = (folder as NSString).appendingPathComponent("\(base).\(format.fileExtension)")
            if let existing = FileIdentity(path: target), inputs.contains(existing) {
                return CoreError(
                    .invalidArgument, "the output file would replace one of the input files", remedy: "choose another --out folder; the input was left as it is",
                    context: ErrorContext(file: target))
            }
            do {
                try OutputFile.write(try format.render(page, imageFileName: imageFileName), to: target)
            } catch let error as any QuireError {
                return error
            } catch {
                return CoreError(.internalError, "cannot render the page as \(format.rawValue) (\(error))", remedy: "report this as a bug", context: ErrorContext(file: target))
            }
        }
        return nil
    }

    /// A safe file-name base for page `index` (0-based) of `path`: `name` or `name-p0003`.
    static func base(for path: String, pageIndex: Int, multiPage: Bool) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let safe = String(name.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
        return multiPage ? "\(safe)-p\(String(format: "%04d", pageIndex + 1))" : safe
    }
}

/// Progress of a batch on stderr: a live line on a terminal, plain log lines otherwise.
final class ProgressLine: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    /// Held while a line is written, so that lines from several workers do not interleave.
    private let writing = Mutex(())
    private let label: String

    init(label: String) { self.label = label }

    func update(done: Int, total: Int, pagesPerSecond: Double, remaining: Double?) {
        writing.withLock { _ in
            let eta = remaining.map { Self.duration($0) } ?? "–"
            let text = "\(label): \(done)/\(total) pages, \(String(format: "%.2f", pagesPerSecond)) pages/s, ETA \(eta)"
            if isTerminal {
                FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
                if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
            } else {
                FileHandle.standardError.write(Data((text + "\n").utf8))
            }
        }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60) : String(format: "%d:%02d", whole / 60, whole % 60)
    }
}

/// A file as the file system knows it (device and inode), so that two paths to one file, by a
/// link or `..`, are seen as one.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    /// The file at `path`, following links; nil when there is none.
    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath),
              let device = (attributes[.systemNumber] as? NSNumber)?.uint64Value,
              let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value else { return nil }
        self.device = device
        self.inode = inode
    }
}
