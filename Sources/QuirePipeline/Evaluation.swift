import Foundation
public import QuireAlign
public import QuireCore
import Synchronization

/// One page scored against its ground truth.
public struct PageScore: Sendable {
    public var image: String
    public var folder: String
    public var score: Score?
    /// Why the page could not be scored.
    public var error: (any QuireError)?
}

/// `quire eval`: OCR every image that has ground truth beside it (`NAME.gt.txt`) and score it.
public struct Evaluation: Sendable {
    public let pool: PageWorkerPool
    public let languages: LanguageSet
    public let normalizer = EvaluationNormalizer()

    public init(pool: PageWorkerPool, languages: LanguageSet) {
        self.pool = pool
        self.languages = languages
    }

    /// Image files under `folder` (recursively) with a `.gt.txt` of the same name, sorted.
    public static func pairs(under folder: String) -> [(image: String, truth: String)] {
        var pairs: [(String, String)] = []
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        while let relative = enumerator.nextObject() as? String {
            let path = (folder as NSString).appendingPathComponent(relative)
            guard !relative.hasSuffix(".gt.txt"), !relative.hasSuffix(".xml"), !relative.hasSuffix(".md"), !relative.hasSuffix(".tsv") else { continue }
            let truth = (path as NSString).deletingPathExtension + ".gt.txt"
            if FileManager.default.fileExists(atPath: truth) { pairs.append((path, truth)) }
        }
        return pairs.sorted { $0.0.compare($1.0, options: .numeric) == .orderedAscending }
    }

    /// Scores every pair; `deliver` gets each page as it is scored, in order.
    public func run(_ pairs: [(image: String, truth: String)], root: String, deliver: @escaping @Sendable (PageScore) -> Void) {
        let (pages, errors) = OneShotOCR.pages(of: pairs.map(\.image), workingDirectory: root)
        for error in errors {
            deliver(PageScore(image: error.context.file ?? "", folder: Self.folder(of: error.context.file ?? "", root: root), score: nil, error: error))
        }
        let truths = Dictionary(pairs.map { ($0.image, $0.truth) }, uniquingKeysWith: { first, _ in first })
        let texts = PageCollector()
        let pagesPerFile = Dictionary(grouping: pages, by: \.path).mapValues(\.count)
        OneShotOCR(pool: pool, languages: languages).run(pages) { [normalizer] outcome in
            let path = outcome.source.path
            let folder = Self.folder(of: path, root: root)
            guard let text = outcome.text else {
                deliver(PageScore(image: path, folder: folder, score: nil, error: outcome.error))
                return
            }
            // Multi-page images: the ground truth covers the whole file; score once all pages are in.
            guard let whole = texts.add(path, index: outcome.source.pageIndex, text: text.plainText, of: pagesPerFile[path] ?? 1) else { return }
            guard let truthPath = truths[path], let truth = try? String(contentsOfFile: truthPath, encoding: .utf8) else {
                deliver(PageScore(image: path, folder: folder, score: nil, error: PipelineError(.invalidText, "its ground truth is not readable UTF-8", remedy: "check the .gt.txt file", context: ErrorContext(file: path))))
                return
            }
            deliver(PageScore(image: path, folder: folder, score: normalizer.score(reference: truth, hypothesis: whole), error: nil))
        }
    }

    /// Scores texts another engine already produced: for image `NAME.ext` the hypothesis is
    /// `hypotheses/NAME.txt` (a peer's output, or an earlier `quire ocr --out`). No OCR is run.
    public static func score(_ pairs: [(image: String, truth: String)], root: String, hypotheses: String) -> [PageScore] {
        let normalizer = EvaluationNormalizer()
        return pairs.map { pair in
            let folder = Self.folder(of: pair.image, root: root)
            let name = ((pair.image as NSString).lastPathComponent as NSString).deletingPathExtension
            let hypothesisPath = (hypotheses as NSString).appendingPathComponent(name + ".txt")
            guard let truth = try? String(contentsOfFile: pair.truth, encoding: .utf8) else {
                return PageScore(image: pair.image, folder: folder, score: nil, error: PipelineError(.invalidText, "its ground truth is not readable UTF-8", remedy: "check the .gt.txt file", context: ErrorContext(file: pair.truth)))
            }
            guard let hypothesis = try? String(contentsOfFile: hypothesisPath, encoding: .utf8) else {
                return PageScore(image: pair.image, folder: folder, score: nil, error: PipelineError(.unreadableFile, "no readable text for this image", remedy: "check that \(name).txt exists in the hypotheses folder", context: ErrorContext(file: hypothesisPath)))
            }
            return PageScore(image: pair.image, folder: folder, score: normalizer.score(reference: truth, hypothesis: hypothesis), error: nil)
        }
    }

    static func folder(of path: String, root: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let base = root.hasSuffix("/") ? root : root + "/"
        return folder.hasPrefix(base) ? String(folder.dropFirst(base.count)) : (folder == root ? "." : folder)
    }
}

/// Joins the pages of multi-page files before scoring.
private final class PageCollector: Sendable {
    private let pages = Mutex<[String: [Int: String]]>([:])

    /// Adds a page; returns the whole text once all `count` pages of `path` are in.
    func add(_ path: String, index: Int, text: String, of count: Int) -> String? {
        pages.withLock { pages in
            pages[path, default: [:]][index] = text
            guard let all = pages[path], all.count == count else { return nil }
            return (0..<count).compactMap { all[$0] }.joined(separator: "\n")
        }
    }
}
