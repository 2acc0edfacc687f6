import QuireAlign
import QuireCore
import Testing

@Suite("Match & split")
struct PageSplitterTests {
    /// Three pages of 12 lines of prose each, and their text.
    static func pages(_ count: Int = 3, lines: Int = 12, seed: UInt64 = 7) -> [[String]] {
        var prose = SplitFixtures.Prose(seed: seed)
        return (0..<count).map { _ in prose.lines(lines) }
    }

    static func text(_ pages: [[String]]) -> String { pages.map { $0.joined(separator: "\n") }.joined(separator: "\n") }

    static func wordCounts(_ pages: [[String]]) -> [Int] {
        var starts: [Int] = []
        var count = 0
        for page in pages {
            starts.append(count)
            count += page.joined(separator: " ").split(separator: " ").count
        }
        return starts
    }

    @Test("clean OCR: every page gets exactly its own words")
    func clean() throws {
        let printed = Self.pages()
        let result = try PageSplitter.split(Self.text(printed), pages: SplitFixtures.input(printed.map { $0.joined(separator: "\n") }))
        #expect(SplitFixtures.startWords(result) == Self.wordCounts(printed))
        for (page, lines) in zip(result.pages, printed) {
            #expect(page.text == lines.joined(separator: "\n"))
            #expect(page.confidence >= 0.95)
            #expect(page.flags.isEmpty)
            #expect(page.level == .notProofread)
        }
        try result.checkAcceptable(file: "t.txt")
    }

    @Test("OCR errors in one word of four, running headers, page numbers and footnotes the text lacks")
    func noiseAndFurniture() throws {
        let printed = Self.pages(4)
        let ocr = printed.enumerated().map { index, lines in
            var page = "DISCURSO EN LA BIBLIOTECA \(index + 1)\n\n" + lines.map { SplitFixtures.noisy($0, every: 4, seed: UInt64(index * 31 + 1)) }.joined(separator: "\n")
            if index == 1 { page += "\n\n¹ Nota del editor sobre la primera edición de este discurso." }
            return page
        }
        let result = try PageSplitter.split(Self.text(printed), pages: SplitFixtures.input(ocr))
        #expect(SplitFixtures.startWords(result) == Self.wordCounts(printed))
        #expect(result.problematicPages.isEmpty)
        #expect(result.pages.allSatisfy { !$0.flags.contains(.textMissingFromTranscript) })
    }

    @Test("headers and page numbers in the text but not in the OCR stay with their page")
    func furnitureInText() throws {
        let printed = Self.pages()
        let typed = printed.enumerated().map { ["— \($0.offset + 1) —"] + $0.element }
        let result = try PageSplitter.split(Self.text(typed), pages: SplitFixtures.input(printed.map { $0.joined(separator: "\n") }))
        #expect(result.pages[1].text.hasPrefix("— 2 —"))
        #expect(result.pages[2].text.hasPrefix("— 3 —"))
    }

    @Test("a page number the OCR missed goes where the document's other page numbers were found")
    func pageNumberAtTheFoot() throws {
        let printed = Self.pages(4, lines: 8)
        let typed = printed.enumerated().map { $0.element + ["\($0.offset + 1)"] }
        // The OCR read the numbers at the foot of pages 1, 2 and 4, not that of page 3.
        let ocr = typed.enumerated().map { index, lines in (index == 2 ? Array(lines.dropLast()) : lines).joined(separator: "\n") }
        let result = try PageSplitter.split(Self.text(typed), pages: SplitFixtures.input(ocr))
        #expect(result.pages[2].text.hasSuffix("\n3"))
        #expect(result.pages[3].text.hasPrefix(printed[3][0]))
    }

    @Test("hyphenation at line ends and across a page break; the divided word goes whole to its first page")
    func hyphenation() throws {
        let text = "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince conocimiento bibliotecaria final de todo esto que se dice aqui ahora mismo"
        let page1 = "uno dos tres cuatro cinco seis siete ocho\nnueve diez once doce trece catorce quince conoci-\nmiento biblio-"
        let page2 = "tecaria final de todo esto que se dice aqui\nahora mismo"
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page1, page2]))
        #expect(result.pages[0].text.hasSuffix("conocimiento bibliotecaria"))
        #expect(result.pages[1].text.hasPrefix("final de todo"))
        #expect(result.problematicPages.isEmpty)

        // A transcript typed with its line-end hyphens keeps them, and is never cut inside a word.
        let typed = "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince conoci-\nmiento biblio-\ntecaria final de todo esto que se dice aqui ahora mismo"
        let typedResult = try PageSplitter.split(typed, pages: SplitFixtures.input([page1, page2]))
        #expect(typedResult.pages[0].text.hasSuffix("conoci-\nmiento biblio-\ntecaria"))
        #expect(typedResult.pages[1].text.hasPrefix("final"))
    }

    @Test("typographic variants: quotes, dashes, ligatures and long s in the text or the OCR")
    func typography() throws {
        let text = "Der “erſte” Theil — die ﬁnſtere Nacht ﬂog über das Land, und die Geſchichte begann hier.\nSo ſprach er zu den Leuten im Dorfe, die ihm zuhörten."
        let page1 = "Der \"erste\" Theil - die finstere Nacht flog über das Land, und die Geschichte begann hier."
        let page2 = "So sprach er zu den Leuten im Dorfe, die ihm zuhörten."
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page1, page2]))
        #expect(result.pages[1].text.hasPrefix("So ſprach"))
        #expect(result.pages[0].text.hasSuffix("begann hier."))
        #expect(result.wordsFound == result.words)
    }

    @Test("a blank page in the scan gets no text and level 0")
    func blankPage() throws {
        let printed = Self.pages()
        let ocr: [String?] = [printed[0].joined(separator: "\n"), "", printed[1].joined(separator: "\n"), nil, printed[2].joined(separator: "\n")]
        let result = try PageSplitter.split(Self.text(printed), pages: SplitFixtures.input(ocr))
        #expect(result.pages.count == 5)
        #expect(result.pages[1].flags == [.blankPage] && result.pages[1].level == .withoutText && !result.pages[1].hasText)
        #expect(result.pages[3].level == .withoutText)
        #expect(result.pages[2].text == printed[1].joined(separator: "\n"))
        #expect(SplitFixtures.startWords(result) == Self.wordCounts(printed))
    }

    @Test("a page missing from the scan: its words are reported and the pages around it are level 2")
    func missingPage() throws {
        let printed = Self.pages(4)
        let ocr = [printed[0], printed[1], printed[3]].map { $0.joined(separator: "\n") }
        let result = try PageSplitter.split(Self.text(printed), pages: SplitFixtures.input(ocr))
        #expect(result.pages[1].flags.contains(.transcriptTextNotInScan))
        #expect(result.pages[1].level == .problematic && result.pages[2].level == .problematic)
        #expect(result.pages[1].reasons.contains { $0.contains("not found in the scan") })
        #expect(result.pages[0].level == .notProofread)
        #expect(result.pages[2].text.hasSuffix(printed[3].last!))
    }

    @Test("text printed on a page but missing from the transcript is reported")
    func transcriptMissingText() throws {
        let printed = Self.pages(3, lines: 14)
        var typed = printed
        typed[1].removeSubrange(5..<8)
        let result = try PageSplitter.split(Self.text(typed), pages: SplitFixtures.input(printed.map { $0.joined(separator: "\n") }))
        #expect(result.pages[1].flags.contains(.textMissingFromTranscript))
        #expect(result.pages[1].level == .problematic)
        #expect(result.pages[0].flags.isEmpty && result.pages[2].flags.isEmpty)
    }

    @Test("a text in another language is refused")
    func otherLanguage() throws {
        let printed = Self.pages(3)
        let english = Array(repeating: "the quick brown fox jumps over the lazy dog while people watch from their windows", count: 30).joined(separator: "\n")
        let result = try PageSplitter.split(english, pages: SplitFixtures.input(printed.map { $0.joined(separator: "\n") }))
        #expect(throws: AlignError.self) { try result.checkAcceptable(file: "speech.txt") }
        do {
            try result.checkAcceptable(file: "speech.txt")
        } catch {
            #expect(error.description.contains("does not match the scan"))
            #expect(error.context.file == "speech.txt")
        }
    }

    @Test("a text that matches only half the pages is refused, naming the pages")
    func halfMatching() throws {
        let printed = Self.pages(6)
        let result = try PageSplitter.split(Self.text(Array(printed.prefix(3))), pages: SplitFixtures.input(printed.map { $0.joined(separator: "\n") }))
        do {
            try result.checkAcceptable(file: "half.txt")
            Issue.record("a half-matching text was accepted")
        } catch {
            #expect(error.message.contains("4–6"))
        }
        // The same with the second half: the text's first words do not stray to the first pages.
        let secondHalf = try PageSplitter.split(Self.text(Array(printed.suffix(3))), pages: SplitFixtures.input(printed.map { $0.joined(separator: "\n") }))
        #expect(secondHalf.pagesWithoutTranscript == [1, 2, 3].map { PageNumber($0)! })
        #expect(result.pagesWithoutTranscript == [4, 5, 6].map { PageNumber($0)! })
        // Half of the text not in the scan is refused too.
        var other = SplitFixtures.Prose(seed: 99)
        let padded = Self.text(printed) + "\n" + other.lines(80).joined(separator: "\n")
        let second = try PageSplitter.split(padded, pages: SplitFixtures.input(printed.map { $0.joined(separator: "\n") }))
        #expect(throws: AlignError.self) { try second.checkAcceptable(file: "x.txt") }
    }

    @Test("poor OCR that misses words all through the text is split with its pages flagged; a long part not in the scan is refused")
    func poorOCRSpread() throws {
        let printed = Self.pages(4)
        // The OCR misreads beyond recognition every other word, all through every page.
        let ocr = printed.map { lines in
            lines.map { line in
                line.split(separator: " ").enumerated().map { $0.offset % 2 == 0 ? "xqz\($0.offset)" : String($0.element) }.joined(separator: " ")
            }.joined(separator: "\n")
        }
        let result = try PageSplitter.split(Self.text(printed), pages: SplitFixtures.input(ocr))
        #expect(result.foundShare < PageSplitter.minimumFoundShare && result.foundShare >= PageSplitter.minimumFoundShare / 2)
        #expect(result.longestRunNotFound < PageSplitter.missingTextRun)
        try result.checkAcceptable(file: "poor.txt")
        #expect(result.pages.allSatisfy { $0.flags.contains(.lowMatch) && $0.level == .problematic })
        // The same OCR with half a page of text the scan lacks in the middle: refused.
        var other = SplitFixtures.Prose(seed: 99)
        let extra = Self.text(Array(printed.prefix(2))) + "\n" + other.lines(6).joined(separator: "\n") + "\n" + Self.text(Array(printed.suffix(2)))
        let partial = try PageSplitter.split(extra, pages: SplitFixtures.input(ocr))
        #expect(partial.foundShare < PageSplitter.minimumFoundShare)
        do {
            try partial.checkAcceptable(file: "partial.txt")
            Issue.record("a text with a long part not in the scan was accepted")
        } catch {
            #expect(error.message.contains("matches only part of it"))
        }
    }

    @Test("an empty text is an error")
    func emptyText() {
        #expect(throws: AlignError.self) { try PageSplitter.split(" \n\n ", pages: SplitFixtures.input(["a b c"])) }
    }

    @Test("Markdown formatting and headings come along with their words")
    func formatting() throws {
        let text = "# EL TÍTULO\n\nPrimer párrafo con *palabras en cursiva* y más texto que sigue aquí mismo.\n\n## Segunda parte\n\nOtro párrafo que _empieza_ en la segunda página y termina."
        let page1 = "EL TÍTULO\n\nPrimer párrafo con palabras en cursiva y más texto que sigue aquí mismo."
        let page2 = "Segunda parte\n\nOtro párrafo que empieza en la segunda página y termina."
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page1, page2]))
        #expect(result.pages[0].text == "# EL TÍTULO\n\nPrimer párrafo con *palabras en cursiva* y más texto que sigue aquí mismo.")
        #expect(result.pages[1].text == "## Segunda parte\n\nOtro párrafo que _empieza_ en la segunda página y termina.")
        #expect(result.pages[0].endsParagraph && !result.pages[1].endsParagraph)
        // A break inside a paragraph is not a paragraph end.
        let inside = try PageSplitter.split("uno dos tres cuatro cinco seis siete\nocho nueve diez\n\nonce", pages: SplitFixtures.input(["uno dos tres cuatro cinco", "seis siete ocho nueve diez once"]))
        #expect(!inside.pages[0].endsParagraph)
    }

    @Test("Windows line endings")
    func crlf() throws {
        let printed = Self.pages(2)
        let text = Self.text(printed).replacingOccurrences(of: "\n", with: "\r\n")
        let result = try PageSplitter.split(text, pages: SplitFixtures.input(printed.map { $0.joined(separator: "\n") }))
        #expect(result.pages[1].text.hasPrefix(printed[1][0]))
    }

    @Test("a long document stays near-linear: 120 pages")
    func longDocument() throws {
        let printed = Self.pages(120, lines: 30, seed: 3)
        let ocr = printed.enumerated().map { index, lines in "\(index + 1)\n\n" + lines.map { SplitFixtures.noisy($0, every: 6, seed: UInt64(index)) }.joined(separator: "\n") }
        let clock = ContinuousClock()
        var result: SplitResult?
        let elapsed = try clock.measure { result = try PageSplitter.split(Self.text(printed), pages: SplitFixtures.input(ocr)) }
        #expect(elapsed < .seconds(30))
        let starts = try #require(result.map(SplitFixtures.startWords))
        let expected = Self.wordCounts(printed)
        let exact = zip(starts, expected).filter { $0 == $1 }.count
        #expect(exact == expected.count)
    }
}
