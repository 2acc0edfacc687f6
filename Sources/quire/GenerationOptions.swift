import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuireOCR
import QuirePipeline
import QuireWikitext

/// Options of every command that generates a document's wikitext (`wikitext`, `export`,
/// `publish`): the target wiki, the dictionaries for line-end hyphens, the works of the scan, and
/// the clearance override. Generation asks the clearance gate first, so nothing uncleared leaves.
struct GenerationOptions: ParsableArguments {
    @OptionGroup var clearance: ClearanceGateOptions

    @Option(name: .customLong("wiki"), help: ArgumentHelp("The target wiki's profile (required, except for an e-book, which follows the document's language).", valueName: "code"))
    var wikiOption: WikiCode?

    /// The wiki given with `--wiki`; commands that need one check it in `validate()` (``requireWiki()``).
    var wiki: WikiCode { wikiOption ?? .en }

    /// `--wiki` is required by every command that writes for a wiki.
    func requireWiki() throws {
        if wikiOption == nil { throw ValidationError("Missing expected argument '--wiki <code>'") }
    }

    @Option(help: ArgumentHelp("Folder with *.traineddata, whose dictionaries decide line-end hyphens (default: as for ocr).", valueName: "dir"))
    var tessdata: String?

    @Option(help: ArgumentHelp("One work of a scan that holds several: TITLE=FROM-TO, or TITLE=FROM.BLOCK-TO when it starts mid-page (repeat in page order). Each gets <section> marks and its own main page.", valueName: "work"))
    var work: [String] = []

    @Option(name: .customLong("long-s"), help: ArgumentHelp("What becomes of the long s (ſ): keep, modernise (s), or template (the wiki's long-s template, {{ls}} on en; an e-book shows s). Default: kept on Page: pages; an e-book follows the wiki's readers (modernised on every profile).", valueName: "style"))
    var longS: LongSStyle?

    func validate() throws {
        for entry in work where WikitextExport.work(entry) == nil {
            throw ValidationError("--work '\(entry)' is not TITLE=FROM-TO or TITLE=FROM.BLOCK-TO with physical page numbers")
        }
    }

    /// Asks the clearance gate whether `id` may leave for the wiki, for `command`; an override
    /// comes back pending, for the caller to record once its work is done
    /// (``ClearanceGateOptions/record(_:catalogue:failure:)``).
    func gate(_ id: DocumentID, catalogue: Catalogue, command: String) throws -> ClearanceGate.PendingOverride? {
        try clearance.check(id, wikisource: wiki.rawValue, catalogue: catalogue, command: "\(command) --wiki \(wiki.rawValue)")
    }

    /// Generates `id`'s wikitext with `user` in the pagequality tags (the caller asked the gate
    /// first); warns about missing dictionaries and pages without text. Errors are Quire errors,
    /// mapped by ``QuireExit/translate(_:)``.
    func generate(_ id: DocumentID, catalogue: Catalogue, user: String) throws -> WikitextExport.Result {
        let export = WikitextExport(catalogue: catalogue)
        let lexicon = try lexicon(for: id, catalogue: catalogue)
        // The engine's licence templates go on the main pages; a verdict without one is flagged there.
        let licences = try export.licenceTemplates(of: id, wiki: wiki, asOf: Quire.Clearance.Evaluate.today())
        if licences?.isEmpty == true {
            Terminal.warning("the clearance engine gives no licence template for \(wiki.rawValue): the main page is flagged missing_licence; add one by hand")
        }
        let result = try export.generate(id, wiki: wiki, user: user, lexicon: lexicon, works: work.compactMap(WikitextExport.work), licenceTemplates: licences, longS: longS)
        for number in result.pagesWithoutText {
            Terminal.warning("document '\(id)' page \(number): no text yet, left out (run 'quire ocr \(id)')")
        }
        return result
    }

    /// The dictionary words of the document's languages for line-end hyphens, warning when
    /// there are none (hyphens are then decided from the document's own words).
    func lexicon(for id: DocumentID, catalogue: Catalogue) throws -> Lexicon? {
        let environment = ProcessInfo.processInfo.environment
        guard let tessdata = try? TessdataLocator(explicit: self.tessdata, environment: environment) else {
            Terminal.warning("no Tesseract language data found: line-end hyphens are decided from the document's own words only")
            return nil
        }
        let found = try WikitextExport(catalogue: catalogue).lexicon(for: id, tessdata: tessdata.folder, cacheFolder: TesseractWordList.defaultCacheFolder(environment: environment))
        for problem in found.problems { Terminal.warning(problem.description) }
        return found.lexicon
    }
}
