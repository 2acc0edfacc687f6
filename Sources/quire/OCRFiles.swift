import ArgumentParser
import Foundation
import QuireCore
import QuirePipeline

/// `quire ocr FILE…`: no catalogue; text to stdout (pages separated by form feeds) or files.
struct OCRFiles {
    let engine: EngineOptions
    let targets: [String]
    let output: OCROutput?
    let json: Bool

    func run(workingDirectory: String) throws {
        let languages = engine.lang.flatMap(LanguageSet.init) ?? LanguageSet("eng")!
        let tessdata = try engine.preflight([languages])
        let (pages, fileErrors) = OneShotOCR.pages(of: targets, workingDirectory: workingDirectory)
        for error in fileErrors { Terminal.error(error.description) }
        let pageCounts = Dictionary(grouping: pages, by: \.path).mapValues(\.count)
        let state = FileRunState()
        OneShotOCR(pool: engine.pool(tessdata: tessdata, defaultLanguages: languages), languages: languages).run(pages) { outcome in
            guard let text = outcome.text else {
                if let error = outcome.error { Terminal.error(error.description) }
                state.record(failed: true)
                return
            }
            for flag in text.flags.sorted(by: { $0.rawValue < $1.rawValue }) where flag != .blankPage {
                Terminal.warning("'\(outcome.source.path)', page \(outcome.source.pageIndex + 1): \(flag.rawValue)")
            }
            if let output {
                let base = OCROutput.base(for: outcome.source.path, pageIndex: outcome.source.pageIndex, multiPage: (pageCounts[outcome.source.path] ?? 1) > 1)
                if let error = output.write(text, base: base, imageFileName: (outcome.source.path as NSString).lastPathComponent) {
                    Terminal.error(error.description)
                    state.record(failed: true)
                    return
                }
            } else if !json {
                FileHandle.standardOutput.write(Data((text.plainText + "\n\u{0C}").utf8))
            }
            state.record(failed: false)
        }
        let (ok, failed) = state.counts
        if json { try Terminal.json(["pages": ok + failed, "ok": ok, "failed": failed, "unreadable_files": fileErrors.count]) }
        let failures = failed + fileErrors.count
        if failures > 0 {
            if ok > 0 { throw ExitCode(QuireExit.partial) }
            throw ExitCode(fileErrors.first.map { QuireExit.code(for: $0.code.category) } ?? 4)
        }
    }
}

private final class FileRunState: @unchecked Sendable {
    private var ok = 0
    private var failed = 0
    private let lock = NSLock()

    func record(failed didFail: Bool) { lock.withLock { if didFail { failed += 1 } else { ok += 1 } } }
    var counts: (ok: Int, failed: Int) { lock.withLock { (ok, failed) } }
}
