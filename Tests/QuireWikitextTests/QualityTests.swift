import QuireCore
import QuireWikitext
import Testing

@Suite("Levels and options")
struct QualityTests {
    static let text = PageBuilder.paragraph(["una línea de texto con palabras suficientes para ser una página", "fin."])

    @Test func blankAndIllustrationPagesAreLevelZeroWithAnEmptyBody() throws {
        let blank = PageText(width: 1000, height: 1400, regions: [])
        let flaggedBlank = PageBuilder.page([Self.text], flags: [.blankPage])
        var illustration = PageText(width: 1000, height: 1400, regions: [TextRegion(role: .illustration, lines: [])])
        illustration.regions[0].box = BoundingBox(x: 100, y: 100, width: 800, height: 800)
        let pages = try Generate.run(.en, [blank, flaggedBlank, illustration]).pages
        #expect(pages.map(\.content.level) == [.withoutText, .withoutText, .withoutText])
        #expect(pages.allSatisfy { $0.content.body.isEmpty && $0.content.footer.isEmpty })
        #expect(pages[0].pageFlags == [.blankPage])
        #expect(pages[2].pageFlags == [.illustrationOnly])
        #expect(pages[0].content.wikitext == "<noinclude><pagequality level=\"0\" user=\"\" /></noinclude><noinclude></noinclude>")
    }

    @Test func anEmptyPageThatTimedOutIsProblematicNotBlank() throws {
        let page = PageText(width: 1000, height: 1400, regions: [], flags: [.ocrTimeout])
        let generated = try #require(try Generate.run(.es, [page]).pages.first)
        #expect(generated.content.level == .problematic)
        #expect(!generated.pageFlags.contains(.blankPage))
    }

    struct LevelCase: Sendable, CustomTestStringConvertible {
        let confidence: Double
        let flags: Set<PageFlag>
        let threshold: Double
        let level: PageQuality
        var testDescription: String { "confidence \(confidence), flags \(flags.map(\.rawValue).sorted()), threshold \(threshold)" }
    }

    @Test("confidence and flags", arguments: [
        LevelCase(confidence: 0.95, flags: [], threshold: 0.75, level: .notProofread),
        LevelCase(confidence: 0.5, flags: [], threshold: 0.75, level: .problematic),
        LevelCase(confidence: 0.5, flags: [], threshold: 0.4, level: .notProofread),
        LevelCase(confidence: 0.95, flags: [.uncertainBoundary], threshold: 0.75, level: .problematic),
        LevelCase(confidence: 0.95, flags: [.tooSmall], threshold: 0.75, level: .problematic),
    ])
    func levels(_ test: LevelCase) throws {
        let page = PageBuilder.page([Self.text], confidence: test.confidence, flags: test.flags)
        let options = GenerationOptions(quality: QualityPolicy(lowConfidenceThreshold: test.threshold))
        let generated = try #require(try Generate.run(.es, [page], options: options).pages.first)
        #expect(generated.content.level == test.level)
        #expect(generated.pageFlags.contains(.lowConfidence) == (test.confidence < test.threshold))
    }

    @Test func aToolNeverWritesLevelFour() throws {
        let document = try Generate.run(.en, [PageBuilder.page([Self.text]), PageText(width: 1, height: 1, regions: [])])
        #expect(document.pages.allSatisfy { $0.content.level != .validated })
        let proofread = try WikitextGenerator(wiki: .en).generate(document: Generate.document(), pages: [.first: .proofread(ProofreadText(text: "Hecho."))], options: GenerationOptions(user: "Ana"))
        #expect(proofread.pages.first?.content.level == .proofread)
    }

    @Test func optionsThatCannotBeWrittenAreRefused() {
        let proofread: [PageNumber: PageSource] = [.first: .proofread(ProofreadText(text: "x"))]
        let ocr: [PageNumber: PageSource] = [.first: .ocr(PageBuilder.page([Self.text]))]
        let generator = WikitextGenerator(wiki: .es)
        #expect(throws: WikitextError.self) { try generator.generate(document: Generate.document(), pages: proofread) }
        #expect(throws: WikitextError.self) { try generator.generate(document: Generate.document(), pages: ocr, options: GenerationOptions(user: "Bad\"Name")) }
        #expect(throws: WikitextError.self) { try generator.generate(document: Generate.document(file: "a|b.pdf"), pages: ocr) }
        var noFile = Generate.document()
        noFile.wikiFileName = nil
        #expect(throws: WikitextError.self) { try generator.generate(document: noFile, pages: ocr) }
        #expect(throws: WikitextError.self) { try generator.generate(document: Generate.document(), pages: [:]) }
        do {
            _ = try generator.generate(document: Generate.document(), pages: proofread)
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.description.contains("user"))
        }
    }

    @Test func everyGeneratedPageReadsBackByProofreadPagesRules() throws {
        for wiki in WikiCode.allCases {
            let document = try DiscursoGoldenTests.generate(wiki, tagged: false)
            for page in document.pages {
                let reading = ProofreadPageOracle.read(page.content.wikitext)
                #expect(reading == ProofreadPageOracle.reading(of: page.content), "\(wiki) \(page.title)")
                #expect(PageContent(wikitext: page.content.wikitext) == page.content)
                #expect(try PageContent(json: page.content.json) == page.content)
            }
        }
    }
}

@Suite("Profiles")
struct ProfileTests {
    @Test("namespaces", arguments: [
        (WikiCode.en, "Page", 104, "Index", 106), (.es, "Página", 102, "Índice", 104), (.fr, "Page", 104, "Livre", 112),
        (.de, "Seite", 102, "Index", 104), (.it, "Pagina", 108, "Indice", 110),
    ])
    func namespaces(wiki: WikiCode, page: String, pageID: Int, index: String, indexID: Int) {
        let profile = wiki.profile
        #expect(profile.code == wiki)
        #expect(profile.pageNamespace == WikiNamespace(name: page, id: pageID))
        #expect(profile.indexNamespace == WikiNamespace(name: index, id: indexID))
    }

    @Test(arguments: WikiCode.allCases)
    func everyProfileIsComplete(wiki: WikiCode) {
        let profile = WikiProfile.named(wiki)
        #expect(profile.levelNames.count == 5)
        #expect(IndexProgress.allCases.allSatisfy { profile.progressCodes[$0] != nil })
        #expect(Set(profile.indexFields.map(\.key)).count == profile.indexFields.count)
        #expect([IndexField.title, .author, .year, .publisher, .source, .progress, .pages].allSatisfy { profile.key(for: $0) != nil })
        #expect(profile.maxPageBytes == 2048 * 1024)
        #expect(WikiCode(rawValue: wiki.rawValue) == wiki)
        #expect(profile.levelName(.withoutText) == profile.levelNames[0])
    }

    @Test func conventionsFromTheFormatDocument() {
        #expect(WikiCode.en.profile.runningHeader == .template("rh"))
        #expect(WikiCode.it.profile.runningHeader == .template("RigaIntestazione"))
        #expect(WikiCode.en.profile.wordSplit == .startEndTemplates(start: "hws", end: "hwe"))
        #expect(WikiCode.it.profile.wordSplit == .partTemplate("Pt"))
        #expect(WikiCode.es.profile.wordSplit == .bareHyphen)
        #expect(WikiCode.de.profile.wordSplit == .completeOnFirstPage)
        #expect(WikiCode.en.profile.referencesTag == "{{smallrefs}}")
        #expect(WikiCode.allCases.filter { $0 != .en }.allSatisfy { $0.profile.referencesTag == "<references/>" })
        #expect(WikiCode.en.profile.paragraphAtPageEnd == .appendToPage("\n{{nop}}"))
        #expect(WikiCode.it.profile.paragraphAtPageEnd == .prependToNextPage("{{nop}}\n"))
    }
}
