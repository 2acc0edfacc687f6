import Foundation
public import QuireAlign
import QuireCore
public import QuireWikitext
import QuireXML

/// One page of a structural evaluation: its ground-truth file and its counts.
public struct StructurePageScore: Sendable {
    /// The physical page (1-based, in the order the ground truth was given).
    public var number: Int
    public var truthFile: String
    public var counts: StructureCounts
    /// The body paragraphs counted as noise, so a person can see what was counted.
    public var noise: [String]
}

/// `quire eval --structure`: scores the `Page:` pages that `quire wikitext` wrote for a document
/// against the ALTO or PAGE-XML ground truth of its pages (see ``StructureScorer`` for what is
/// counted). The pages are read back as ProofreadPage reads them, and their fields rendered to
/// what a reader sees.
public enum StructureEvaluation {
    /// The ground truth of one page, read from ALTO or PAGE-XML with its region roles, or from a
    /// plain `.txt` transcription (blocks only: no furniture or footnotes known).
    public static func truth(fileAt path: String) throws -> StructureTruth {
        if path.hasSuffix(".txt") {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw PipelineError(.invalidText, "the ground truth is not readable UTF-8 text", remedy: "check the file", context: ErrorContext(file: path))
            }
            return StructureTruth(plainText: text)
        }
        do {
            return StructureTruth(page: try XMLImport.read(fileAt: path))
        } catch {
            throw PipelineError(.invalidInput, "the ground truth cannot be read: \(error.message)", remedy: "give the page's ALTO or PAGE-XML file", context: ErrorContext(file: path))
        }
    }

    /// What a volunteer gets from `content` on `wiki`, as the scorer takes it.
    public static func hypothesis(_ content: PageContent, wiki: WikiCode) -> StructureHypothesis {
        let fields = PlainPageFields(content, wiki: wiki)
        return StructureHypothesis(
            header: fields.header, body: fields.body, footer: fields.footer, notes: fields.notes,
            endsWithDividedWord: fields.endsWithDividedWord.map { StructureHypothesis.DividedWord(part: $0.part, whole: $0.whole) },
            startsWithDividedWord: fields.startsWithDividedWord.map { StructureHypothesis.DividedWord(part: $0.part, whole: $0.whole) })
    }

    /// Scores `pages` (by physical number, from 1) against the ground-truth files, the first
    /// file being page 1. A page without wikitext counts with everything expected of it missing.
    public static func score(pages: [Int: PageContent], truthFiles: [String], wiki: WikiCode) throws -> [StructurePageScore] {
        let truths = try truthFiles.map(truth(fileAt:))
        let hypotheses = truths.indices.map { index in pages[index + 1].map { hypothesis($0, wiki: wiki) } }
        let counts = StructureScorer.score(truth: truths, hypotheses: hypotheses)
        return zip(truthFiles.indices, counts).map { index, counts in
            let noise = hypotheses[index].map { StructureScorer.noiseParagraphs(truth: truths[index], hypothesis: $0) } ?? []
            return StructurePageScore(number: index + 1, truthFile: truthFiles[index], counts: counts, noise: noise)
        }
    }

    /// The `Page:` pages of a `quire wikitext --out` folder, by physical number: the entries of
    /// its `manifest.json` that have a level, numbered by their title's `/N` or else in order.
    public static func pages(inWikitextFolder folder: String) throws -> [Int: PageContent] {
        struct Entry: Decodable {
            var title: String
            var file: String
            var level: Int?
        }
        let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
        let entries: [Entry]
        do {
            entries = try JSONDecoder().decode([Entry].self, from: Data(contentsOf: URL(fileURLWithPath: manifestPath)))
        } catch {
            throw PipelineError(.unreadableFile, "no readable manifest.json", remedy: "point at a folder written by 'quire wikitext DOC --out DIR'", context: ErrorContext(file: manifestPath))
        }
        var pages: [Int: PageContent] = [:]
        for (order, entry) in entries.filter({ $0.level != nil }).enumerated() {
            let path = (folder as NSString).appendingPathComponent(entry.file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw PipelineError(.unreadableFile, "a page named in manifest.json cannot be read", remedy: "write the folder again with 'quire wikitext'", context: ErrorContext(file: path))
            }
            let suffix = entry.title.split(separator: "/").last.flatMap { Int($0) }
            pages[suffix ?? order + 1] = PageContent(wikitext: text)
        }
        return pages
    }
}
