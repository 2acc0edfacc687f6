import ArgumentParser
import Foundation
import QuireAlign
import QuireCore
import QuirePipeline
import QuireWikitext
import Synchronization

extension Quire {
    /// `quire eval`: OCR images with ground truth and report CER and WER; or, with
    /// `--structure`, score a document's Page: pages against its ALTO/PAGE ground truth.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "OCR every image with ground truth beside it (NAME.gt.txt) and report CER and WER per page, folder and total; or score Page: wikitext's structure (--structure).",
            discussion: """
                Both texts are normalised first (see 'Evaluation' in the README): NFKC, historical letters and look-alikes mapped, transcription markers dropped, line-end hyphenation joined, whitespace collapsed.

                quire eval --structure OUT GT.xml…: OUT is a folder written by 'quire wikitext DOC --out OUT'; the ALTO or PAGE-XML files are the ground truth of the document's pages, in page order. Scores running heads, page numbers and footers in the right field, paragraph breaks, line-end hyphens, words divided across pages, footnotes, noise, and the body's CER/WER (see 'quire eval --structure' in the README).
                """)

        @OptionGroup var engine: EngineOptions

        @Option(help: ArgumentHelp("Folder searched recursively for images with a .gt.txt beside them.", valueName: "dir"))
        var truth: String?

        @Option(help: ArgumentHelp("Score the structure of the Page: pages in this 'quire wikitext --out' folder against the ground-truth files given as arguments.", valueName: "dir"))
        var structure: String?

        @Option(help: ArgumentHelp("With --structure: the wiki the pages were written for.", valueName: "code"))
        var wiki: WikiCode = .en

        @Argument(help: ArgumentHelp("With --structure: the ALTO or PAGE-XML ground truth of the document's pages, in page order.", valueName: "truth.xml"))
        var groundTruth: [String] = []

        @Option(help: ArgumentHelp("Score existing texts instead of running OCR: NAME.txt in this folder for image NAME.ext (another engine's output).", valueName: "dir"))
        var hypotheses: String?

        @Flag(help: "Print JSON for scripts instead of a table.")
        var json = false

        func validate() throws {
            if (truth == nil) == (structure == nil) { throw ValidationError("give --truth DIR (OCR accuracy) or --structure DIR with ground-truth files (structure)") }
            if structure != nil, groundTruth.isEmpty { throw ValidationError("--structure needs the ground-truth ALTO or PAGE-XML files of the pages, in page order") }
            if truth != nil, !groundTruth.isEmpty { throw ValidationError("ground-truth files are for --structure; --truth finds NAME.gt.txt beside each image") }
        }

        func run() throws {
            if let structure { return try StructureEvalOutput.run(folder: structure, truthFiles: groundTruth, wiki: wiki, json: json) }
            guard let truth else { return }
            let root = URL(fileURLWithPath: truth, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
            let pairs = Evaluation.pairs(under: root)
            guard !pairs.isEmpty else {
                throw CoreError(.emptyInput, "no image with a NAME.gt.txt beside it", remedy: "point --truth at a folder of page images with their ground truth", context: ErrorContext(file: truth))
            }
            let languages = engine.lang.flatMap(LanguageSet.init) ?? LanguageSet("eng")!
            let collected = ScoreList()
            if let hypotheses {
                for page in Evaluation.score(pairs, root: root, hypotheses: hypotheses) { collected.append(page) }
                return try report(collected.all, root: root)
            }
            let tessdata = try engine.preflight([languages])
            let progress = ProgressLine(label: "eval")
            Evaluation(pool: engine.pool(tessdata: tessdata, defaultLanguages: languages), languages: languages).run(pairs, root: root) { page in
                collected.append(page)
                progress.update(done: collected.count, total: pairs.count, pagesPerSecond: 0, remaining: nil)
            }
            try report(collected.all, root: root)
        }

        private func report(_ list: [PageScore], root: String) throws {
            let pages = list.sorted { $0.image.compare($1.image, options: .numeric) == .orderedAscending }
            if json {
                try Terminal.json(EvalJSON(pages: pages))
            } else {
                EvalText.print(pages, root: root)
            }
            let failed = pages.filter { $0.score == nil }
            try QuireExit.endBatch(succeeded: pages.count - failed.count, failed: failed.count)
        }
    }
}

private final class ScoreList: Sendable {
    private let pages = Mutex<[PageScore]>([])
    func append(_ page: PageScore) { pages.withLock { $0.append(page) } }
    var count: Int { pages.withLock { $0.count } }
    var all: [PageScore] { pages.withLock { $0 } }
}

enum EvalText {
    static func print(_ pages: [PageScore], root: String) {
        func row(_ name: String, _ score: Score) -> [String] {
            [name, String(format: "%.2f%%", score.cer * 100), String(format: "%.2f%%", score.wer * 100), "\(score.characters)"]
        }
        var rows: [[String]] = []
        for page in pages {
            let name = page.image.hasPrefix(root + "/") ? String(page.image.dropFirst(root.count + 1)) : page.image
            if let score = page.score { rows.append(row(name, score)) } else { rows.append([name, "error", "", page.error?.message ?? ""]) }
        }
        for line in Terminal.table(["PAGE", "CER", "WER", "CHARS"], rows) { Terminal.out(line) }
        Terminal.out("")
        let byFolder = Dictionary(grouping: pages.filter { $0.score != nil }, by: \.folder)
        var folderRows = byFolder.keys.sorted().map { folder in row(folder, byFolder[folder, default: []].compactMap(\.score).reduce(Score(), +)) }
        folderRows.append(row("TOTAL", pages.compactMap(\.score).reduce(Score(), +)))
        for line in Terminal.table(["FOLDER", "CER", "WER", "CHARS"], folderRows) { Terminal.out(line) }
    }
}

struct EvalJSON: Encodable {
    struct Entry: Encodable {
        var name: String
        var cer: Double?
        var wer: Double?
        var characters: Int?
        var error: String?
    }
    var pages: [Entry]
    var folders: [Entry]
    var total: Entry

    init(pages list: [PageScore]) {
        pages = list.map { Entry(name: $0.image, cer: $0.score?.cer, wer: $0.score?.wer, characters: $0.score?.characters, error: $0.error?.description) }
        let byFolder = Dictionary(grouping: list.filter { $0.score != nil }, by: \.folder)
        folders = byFolder.keys.sorted().map { folder in
            let score = byFolder[folder, default: []].compactMap(\.score).reduce(Score(), +)
            return Entry(name: folder, cer: score.cer, wer: score.wer, characters: score.characters)
        }
        let sum = list.compactMap(\.score).reduce(Score(), +)
        total = Entry(name: "total", cer: sum.cer, wer: sum.wer, characters: sum.characters)
    }
}
