import ArgumentParser
import Foundation
import QuireCore
import QuirePipeline
import QuireRelease
import Synchronization

/// `quire ocr FILE…`: no catalogue; text to stdout (pages separated by form feeds) or files, with
/// the same progress line and closing summary on stderr as a catalogue batch. `-` is standard
/// input (an image or PDF), as for `tesseract - -`.
struct OCRFiles {
    let engine: EngineOptions
    let files: [OCRTargets.FileArgument]
    let output: OCROutput?
    let json: Bool
    /// One searchable PDF or DjVu of every page instead of text (`--out FILE.pdf`, `FILE.djvu`).
    var searchable: SearchableOutput? = nil

    /// `--out FILE.pdf` and what the user consented to.
    struct SearchableOutput {
        var path: String
        var consent: SearchableBuild.Consent
    }

    func run(workingDirectory: String) throws {
        let languages = engine.lang.flatMap(LanguageSet.init) ?? LanguageSet("eng")!
        let tessdata = try engine.preflight([languages])
        var inputs: [OneShotOCR.Input] = []
        var fileErrors: [any QuireError] = []
        var standardInputCopy: String?
        defer { if let standardInputCopy { try? FileManager.default.removeItem(atPath: standardInputCopy) } }
        for file in files {
            switch file {
            case .path(let name):
                inputs.append(OneShotOCR.Input(path: name, name: name))
            case .standardInput:
                let copy = try Self.saveStandardInput()
                standardInputCopy = copy
                inputs.append(OneShotOCR.Input(path: copy, name: "-"))
            case .missing:
                if let error = file.error { fileErrors.append(error) }
            }
        }
        let (pages, unreadable) = OneShotOCR.pages(of: inputs, workingDirectory: workingDirectory)
        fileErrors += unreadable
        for error in fileErrors { Terminal.error(error.description) }
        // Pages carry absolute paths; messages name files as the user did.
        let names = Dictionary(inputs.map { input in
            (input.path.hasPrefix("/") ? input.path : (workingDirectory as NSString).appendingPathComponent(input.path), input.name)
        }) { first, _ in first }
        let pageCounts = Dictionary(grouping: pages, by: \.path).mapValues(\.count)
        let pdf = try searchable.map { try Self.startPDF($0, pages: pages, inputs: inputs, languages: languages, fileErrors: fileErrors, workingDirectory: workingDirectory) }
        let progress = ProgressLine(label: "ocr")
        let writeFailures = FailureCount()
        let tally = OneShotOCR(pool: engine.pool(tessdata: tessdata, defaultLanguages: languages), languages: languages).run(pages) { outcome in
            defer {
                let tally = outcome.tally
                progress.update(done: tally.done, total: tally.total, pagesPerSecond: tally.pagesPerSecond, remaining: tally.remaining)
            }
            let name = names[outcome.source.path] ?? outcome.source.path
            if let pdf { pdf.add(outcome.source, text: outcome.text) }
            guard let text = outcome.text else {
                if let error = outcome.error { Terminal.error(error.description) }
                return
            }
            for flag in text.flags.sorted(by: { $0.rawValue < $1.rawValue }) where flag != .blankPage {
                Terminal.warning("'\(name)', page \(outcome.source.pageIndex + 1): \(flag.rawValue)")
            }
            if let output {
                let baseName = name == "-" ? "stdin" : outcome.source.path
                let base = OCROutput.base(for: baseName, pageIndex: outcome.source.pageIndex, multiPage: (pageCounts[outcome.source.path] ?? 1) > 1)
                if let error = output.write(text, base: base, imageFileName: (name as NSString).lastPathComponent) {
                    Terminal.error(error.description)
                    writeFailures.add()
                    return
                }
            } else if !json && pdf == nil {
                FileHandle.standardOutput.write(Data((text.plainText + "\n\u{0C}").utf8))
            }
        }
        let failedWrites = writeFailures.count
        let pdfError = pdf?.finish()
        if json {
            try Terminal.json(OCRSummaryJSON(tally, unreadableFiles: fileErrors.count))
        } else {
            Terminal.note(OCRSummaryJSON.text(tally, unreadableFiles: fileErrors.count))
        }
        if let pdfError { throw pdfError }  // no PDF: nothing was delivered
        let ok = tally.ok + tally.blank + tally.tooSmall - failedWrites
        let failures = tally.failed + failedWrites + fileErrors.count
        try QuireExit.endBatch(succeeded: ok, failed: failures, firstFailure: fileErrors.first.map { QuireExit.code(of: $0) })
    }

    /// Checks the inputs and opens the PDF; any unreadable file stops the run before OCR, since
    /// a PDF missing pages is no deliverable.
    static func startPDF(
        _ target: SearchableOutput, pages: [PageImageSource], inputs: [OneShotOCR.Input], languages: LanguageSet, fileErrors: [any QuireError], workingDirectory: String
    ) throws -> PDFPageSink {
        if let first = fileErrors.first {
            Terminal.error("no PDF written: every input must be readable")
            throw ExitCode(QuireExit.code(for: first.code.category))
        }
        let path = target.path.hasPrefix("/") ? target.path : (workingDirectory as NSString).appendingPathComponent(target.path)
        let title = inputs.count == 1 ? ((inputs[0].name as NSString).lastPathComponent as NSString).deletingPathExtension : nil
        let info = PDFDocumentInfo(title: title, language: languages.primary.iso6391 ?? languages.primary.tesseractCode)
        let scratch = NSTemporaryDirectory() + "quire-pdf-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            let kind = SearchableBuild.Kind(path: path) ?? .pdf
            return PDFPageSink(build: try SearchableBuild(output: path, kind: kind, pages: pages, info: info, scratch: scratch, consent: target.consent), scratch: scratch)
        } catch {
            try? FileManager.default.removeItem(atPath: scratch)
            throw error
        }
    }

    /// Saves standard input (an image or PDF piped in) to a temporary file and returns its path:
    /// images and PDFs are read by path, and a PDF needs to be seekable.
    static func saveStandardInput() throws -> String {
        let path = NSTemporaryDirectory() + "quire-stdin-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        do {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw CoreError(
                .outputNotWritable, "cannot keep standard input in a temporary file (\(error.localizedDescription))",
                remedy: "check the space in \(NSTemporaryDirectory()) or set TMPDIR", context: ErrorContext(file: "-"))
        }
        return path
    }
}

/// The searchable PDF being written from the workers' in-order deliveries: the first error stops
/// it, and then no file is put in place.
final class PDFPageSink: Sendable {
    private let build: SearchableBuild
    private let scratch: String
    /// The error that stopped the file; the lock also keeps pages from being added at once.
    private let failure = Mutex<(any Error)?>(nil)

    init(build: SearchableBuild, scratch: String) {
        self.build = build
        self.scratch = scratch
    }

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

    func add(_ source: PageImageSource, text: PageText?) {
        failure.withLock { failure in
            guard failure == nil else { return }
            do { try build.add(source, text: text) } catch { failure = error }
        }
    }

    /// Finishes the file; the error that stopped it, if any (then nothing is left at the path).
    func finish() -> (any Error)? {
        failure.withLock { failure in
            if failure == nil {
                do { try build.finish() } catch { failure = error }
            }
            return failure
        }
    }
}

/// Pages whose output files could not be written (counted from the workers' callbacks).
private final class FailureCount: Sendable {
    private let value = Mutex(0)

    func add() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}
