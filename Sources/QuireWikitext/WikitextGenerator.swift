import Foundation
public import QuireCore

/// Turns a document's pages into Wikisource pages for one wiki: every Page: page (header, body,
/// footer, level), the Index page and the main page of each work.
///
/// The steps, each in its own file: ``NoiseFilter`` drops specks and scanner borders;
/// ``RunningHeaderDetector`` finds running headers, footers and printed numbers across the
/// document; ``FootnoteExtractor`` takes notes out and places them at their markers;
/// ``ParagraphBuilder`` joins lines into paragraphs with ``HyphenationResolver``'s rule;
/// ``WorkSections`` marks works that share pages; ``PageBoundary`` writes words split across
/// pages and paragraph ends per profile; ``PageRenderer`` writes it all with
/// ``WikitextEscaper``; ``PageListBuilder``, ``IndexPageBuilder`` and ``MainPageBuilder`` write
/// the rest. Every Page: text is read back by ``PageContentParser`` before it is returned.
public struct WikitextGenerator: Sendable {
    /// The wiki's conventions.
    public let profile: WikiProfile

    /// A generator for a profile.
    public init(profile: WikiProfile) { self.profile = profile }

    /// A generator for one of the known wikis.
    public init(wiki: WikiCode) { profile = wiki.profile }

    /// Generates every page of `document` from `pages` (physical page → text).
    ///
    /// Throws when the options cannot be written into wikitext: a title or user name with
    /// forbidden characters, proofread text without a user, no scan name, or works out of order.
    public func generate(document: DocumentMetadata, pages: [PageNumber: PageSource], options: GenerationOptions = GenerationOptions()) throws(WikitextError) -> GeneratedDocument {
        let user = Self.normalisedUser(options.user)
        guard WikiNames.isValidUser(user) else { throw .invalidUser(options.user) }
        let sources = pages.sorted { $0.key < $1.key }
        if user.isEmpty, sources.contains(where: { if case .proofread = $0.value { true } else { false } }) { throw .proofreadWithoutUser }
        let scan = try scanSource(document: document, options: options, pages: sources.map(\.key))
        let longS = options.longS ?? .keep
        if longS == .template, profile.longSTemplate == nil { throw .noLongSTemplate(profile.code) }
        var prepared = try prepare(document: document, sources: sources, options: options)
        PageBoundary.apply(&prepared.drafts, profile: profile, resolver: prepared.resolver)
        PageBoundary.applyTranscript(&prepared.drafts, profile: profile)
        let drafts = prepared.drafts
        let ranges = prepared.ranges
        for range in ranges {
            if let prefix = ReservedTitlePrefixes.reserved(in: range.title, profile: profile) { throw .titleOutsideMainNamespace(range.title, prefix: prefix) }
        }
        guard let lastPage = sources.last?.key else { throw .invalidWorks("the document has no pages") }

        var generated: [GeneratedPage] = []
        for (index, draft) in drafts.enumerated() {
            var meanConfidence: Confidence?
            if case .ocr(let text) = sources[index].value { meanConfidence = text.meanConfidence }
            generated.append(try render(draft, policy: options.quality, meanConfidence: meanConfidence, user: user, title: pageTitle(draft.number, scan: scan), longS: longS))
        }

        let numbers = Dictionary(uniqueKeysWithValues: drafts.compactMap { draft in draft.printedNumber.map { (draft.number, $0) } })
        let pageList: String
        switch scan {
        case .file: pageList = PageListBuilder.pagelist(numbers: numbers, pageCount: lastPage.rawValue, unnumberedLabel: profile.unnumberedPageLabel)
        case .images(let images): pageList = IndexPageBuilder.imageLinks(images, numbers: numbers, profile: profile)
        }
        let allProofread = generated.allSatisfy { $0.content.level >= .proofread || $0.content.level == .withoutText } && generated.contains { $0.content.level >= .proofread }
        let index = IndexPageBuilder.build(IndexPageBuilder.Input(
            document: document, profile: profile, scan: scan, mainPage: ranges.count == 1 ? ranges.first?.title : nil,
            pages: pageList, progress: allProofread ? .toValidate : .toProofread, defaultHeader: defaultHeader(drafts)))
        let mainPages = MainPageBuilder.build(ranges, document: document, profile: profile, scan: scan, licences: options.licenceTemplates)
        return GeneratedDocument(pages: generated, index: index, mainPages: mainPages)
    }

    /// The drafts of every page before page boundaries are written: cleaned, furniture found,
    /// notes placed, paragraphs built, works marked. Shared by the wikitext and the joined text.
    struct Prepared {
        var drafts: [PageDraft]
        let ranges: [WorkRange]
        let works: [WorkSpan]
        let resolver: HyphenationResolver
    }

    /// Prepares the drafts of `sources` (in physical order).
    func prepare(document: DocumentMetadata, sources: [(key: PageNumber, value: PageSource)], options: GenerationOptions) throws(WikitextError) -> Prepared {
        guard let firstPage = sources.first?.key, let lastPage = sources.last?.key else { throw .invalidWorks("the document has no pages") }
        // OCR pages: sanitised, cleaned, then laid out across the whole document.
        var ocr: [PageNumber: PageText] = [:]
        var sanitised = Set<PageNumber>()
        var illustrated = Set<PageNumber>()
        for (number, source) in sources {
            let text: PageText
            switch source {
            case .ocr(let page): text = page
            case .transcript(let transcript):
                guard let page = transcript.ocr else { continue }
                text = page
            case .proofread: continue
            }
            let (clean, changed) = PageDraftBuilder.sanitised(text)
            if changed { sanitised.insert(number) }
            if text.regions.contains(where: { $0.role == .illustration }) { illustrated.insert(number) }
            ocr[number] = NoiseFilter.clean(clean)
        }
        let geometry = DocumentGeometry(pages: ocr)
        let furniture = RunningHeaderDetector.analyse(ocr, geometry: geometry, hints: FurnitureHints(document: document, works: options.works.map(\.title)))
        let lines = furniture.sorted { $0.key < $1.key }.flatMap { $0.value.regions.flatMap { $0.lines.map { $0.words.map(\.text) } } }
        let solid = document.languages.primary.iso6391.map(HyphenationResolver.solidCompoundLanguages.contains) ?? false
        let resolver = HyphenationResolver(lexicon: options.lexicon, documentWords: HyphenationResolver.documentWords(lines: lines), solidCompounds: solid)

        var drafts: [PageDraft] = sources.map { number, source in
            switch source {
            case .proofread(let text):
                return PageDraftBuilder.proofread(number, text: text)
            case .transcript(let text):
                return PageDraftBuilder.transcript(number, text: text, furniture: furniture[number])
            case .ocr:
                let page = ocr[number] ?? PageText(width: 0, height: 0, regions: [])
                let found = furniture[number] ?? PageFurniture(regions: page.regions)
                var draft = PageDraftBuilder.ocr(number, page: page, furniture: found, frame: geometry.frame(for: number), resolver: resolver, hasIllustration: illustrated.contains(number))
                if sanitised.contains(number) { draft.pageFlags.insert(.sanitisedText) }
                return draft
            }
        }
        let works = options.works.isEmpty ? [WorkSpan(title: document.title, from: firstPage, to: lastPage)] : options.works
        let ranges = try WorkSections.apply(works, to: &drafts)
        return Prepared(drafts: drafts, ranges: ranges, works: works, resolver: resolver)
    }

    /// Writes one draft as a Page: and checks that ProofreadPage reads it back unchanged.
    private func render(_ draft: PageDraft, policy: QualityPolicy, meanConfidence: Confidence?, user: String, title: String, longS: LongSStyle) throws(WikitextError) -> GeneratedPage {
        var draft = draft
        var (level, pageFlags) = policy.level(for: draft, meanConfidence: meanConfidence)
        if level == .withoutText { draft.clearBody() }
        var wikitextFlags = Set<WikitextFlag>()
        if !draft.unanchoredNotes.isEmpty {
            // A note whose marker was not found sits at the top of the body: a person must move it.
            wikitextFlags.insert(.unmatchedFootnote)
            if level == .notProofread { level = .problematic }
        }
        var renderer = PageRenderer(profile: profile, longS: longS)
        let header = renderer.header(draft)
        let body = renderer.body(draft)
        let footer = renderer.footer(draft)
        if renderer.neutralised { wikitextFlags.insert(.neutralisedMarkup) }
        let content = PageContent(header: header, body: body, footer: footer, level: level, user: user)
        let wikitext = content.wikitext
        guard PageContent(wikitext: wikitext) == content else {
            throw WikitextError(.internalError, "the generated text of page \(draft.number) does not read back as written", remedy: "report this as a bug of Quire", context: ErrorContext(page: draft.number.rawValue))
        }
        if wikitext.utf8.count > profile.maxPageBytes { wikitextFlags.insert(.contentTooLarge) }
        return GeneratedPage(number: draft.number, title: title, content: content, printedNumber: draft.printedNumber, pageFlags: pageFlags, wikitextFlags: wikitextFlags)
    }

    /// The scan: from the options, else from the document's file name.
    private func scanSource(document: DocumentMetadata, options: GenerationOptions, pages: [PageNumber]) throws(WikitextError) -> ScanSource {
        guard let scan = options.scan ?? document.wikiFileName.map(ScanSource.file) else { throw .missingScan }
        switch scan {
        case .file(let name):
            guard WikiNames.isValidTitle(name) else { throw .invalidTitle(name, what: "scan file name") }
        case .images(let images):
            for page in pages {
                guard let image = images[page] else { throw .invalidWorks("page \(page) has no image in the scan's image list") }
                guard WikiNames.isValidTitle(image) else { throw .invalidTitle(image, what: "image name") }
            }
        }
        return scan
    }

    private func pageTitle(_ page: PageNumber, scan: ScanSource) -> String {
        switch scan {
        case .file(let name): profile.pageTitle(file: name, page: page)
        case .images(let images): profile.pageTitle(image: images[page] ?? "")
        }
    }

    /// The Index's Header field: the running title most pages print, centred, with no number.
    private func defaultHeader(_ drafts: [PageDraft]) -> String {
        var counts: [String: Int] = [:]
        for draft in drafts { if let centre = draft.header?.centre, !centre.isEmpty, PrintedPageNumber(centre) == nil { counts[centre, default: 0] += 1 } }
        guard let common = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { return "" }
        var renderer = PageRenderer(profile: profile)
        return renderer.runningTitle(RunningTitle(left: "", centre: common, right: ""))
    }

    /// A user name as MediaWiki stores it: underscores as spaces, surrounding spaces dropped,
    /// the first letter upper case.
    static func normalisedUser(_ user: String) -> String {
        let spaced = user.replacingOccurrences(of: "_", with: " ").split(separator: " ").joined(separator: " ")
        guard let first = spaced.first else { return "" }
        return first.uppercased() + spaced.dropFirst()
    }
}
