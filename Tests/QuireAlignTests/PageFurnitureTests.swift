import QuireAlign
import QuireCore
import Testing

/// Page breaks among page furniture (catch-words, signature marks, page numbers, notes) and words
/// the OCR did not read: small hand-made pages, each for one rule of ``BreakPlacement``.
@Suite("Match & split: page furniture at the breaks")
struct PageFurnitureTests {
    /// Eight lines of prose per page, distinct per seed.
    static func body(_ seed: UInt64, lines: Int = 8) -> [String] {
        var prose = SplitFixtures.Prose(seed: seed)
        return prose.lines(lines)
    }

    static func join(_ lines: [String]) -> String { lines.joined(separator: "\n") }

    @Test("a catch-word at the foot of the OCR, which the text lacks, does not take the next page's first word")
    func ocrCatchWord() throws {
        let one = Self.body(11), two = ["dieselbigen zu vieler Menschen Nutzen hat"] + Self.body(12)
        let text = Self.join(one + two)
        // The print repeats the next page's first word at the foot; the next page opens with its
        // running head, and the OCR misread that first word where it is printed in full.
        let page1 = Self.join(one) + "\n\ndieselbigen"
        let page2 = "Vorrede.\n\n4\n\n" + Self.join(two).replacingOccurrences(of: "dieselbigen", with: "dieselbigcn")
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page1, page2]))
        #expect(result.pages[0].text == Self.join(one))
        #expect(result.pages[1].text.hasPrefix("dieselbigen zu"))
    }

    @Test("a catch-word and a signature mark in the text stay at the foot, the page number at the head")
    func catchWordAndSignatureInText() throws {
        let one = Self.body(21), two = ["der Wilden schlugen sich nach diesen Vorstellungen auf"] + Self.body(22)
        let three = ["Montcalm unternahm seinen Zug gegen diese Ortschaften"] + Self.body(23)
        // A diplomatic transcription: catch-word, signature mark, page number as printed.
        let text = Self.join(one + ["", "der", "", "* 4", "8", ""] + two + ["", "Montcalm", "9", ""] + three)
        // The OCR did not read the feet (catch-words, signature mark) and read the numbers.
        let page1 = Self.join(one), page2 = "8\n\n" + Self.join(two), page3 = "9\n\n" + Self.join(three)
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page1, page2, page3]))
        #expect(result.pages[0].text.hasSuffix("der\n\n* 4"))
        #expect(result.pages[1].text.hasPrefix("8\n"))
        #expect(result.pages[1].text.hasSuffix("Montcalm"))
        #expect(result.pages[2].text.hasPrefix("9\n"))
    }

    @Test("a divided catch-word is not joined with the running head that follows it in the text")
    func dividedCatchWord() throws {
        let one = Self.body(31), two = ["können derohalben das einige Mittel ist viel Spiritus"] + Self.body(32)
        let text = Self.join(one + ["", "kön⸗", "des Fünften Theils Oefen.", "", "11", ""] + two)
        let page1 = Self.join(one) + "\n\nkön-"
        let page2 = "des Fünften Theils Oefen. 11\n\n" + Self.join(two)
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page1, page2]))
        #expect(result.pages[0].text.hasSuffix("kön⸗"))
        #expect(result.pages[1].text.hasPrefix("des Fünften"))
    }

    @Test("a signature mark the OCR misread stays at the foot of its page")
    func signatureMark() throws {
        let one = Self.body(41), two = Self.body(42)
        let text = Self.join(one + ["D 3", "Bauren-Practica", "54"] + two)
        let page1 = Self.join(one) + "\n\nDZ tödts"
        let page2 = "BYauıren s Practice\n\n" + Self.join(two)
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page1, page2]))
        #expect(result.pages[0].text.hasSuffix("D 3"))
        #expect(result.pages[1].text.hasPrefix("Bauren-Practica"))
    }

    @Test("a footnote the OCR read before the page's last lines goes with its page")
    func footnoteReadOutOfOrder() throws {
        let one = Self.body(51), two = Self.body(52)
        let note = "1 Siehe die Anmerkung des Herausgebers zur ersten Ausgabe"
        let text = Self.join(one + [note] + two)
        // The layout analysis read the note block before the body's last two lines.
        let page1 = Self.join(Array(one.dropLast(2))) + "\n\n" + note + "\n\n" + Self.join(Array(one.suffix(2)))
        let page2 = "2\n\n" + Self.join(two)
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page1, page2]))
        #expect(result.pages[0].text.hasSuffix(note))
        #expect(result.pages[1].text == Self.join(two))
    }

    @Test("a page number typed at the foot and printed at the head goes where the document's others are")
    func pageNumbersTypedAtTheFoot() throws {
        let bodies = (0..<4).map { Self.body(60 + UInt64($0)) }
        // The typist put each page's number after its text; the print has it at the head.
        let text = Self.join(bodies.enumerated().flatMap { $0.element + ["", "\($0.offset + 1)."] })
        var ocr = bodies.enumerated().map { "\($0.offset + 1).\n\n" + Self.join($0.element) }
        ocr[2] = "Ye\n\n" + Self.join(bodies[2])  // the third number misread
        let result = try PageSplitter.split(text, pages: SplitFixtures.input(ocr))
        for index in 0..<4 {
            #expect(result.pages[index].text.hasSuffix("\(index + 1)."))
        }
    }

    @Test("a word of the text the OCR did not read at a break makes the break uncertain, with its reason")
    func missingWordAtTheBreak() throws {
        let one = Self.body(71), two = Self.body(72)
        let text = Self.join(one + ["", "8.", ""] + two)
        // Neither page shows the number; the OCR has a stray mark alone on the next page's first line.
        let page1 = Self.join(one), page2 = "Ye\n\n" + Self.join(two)
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page1, page2]))
        for page in result.pages {
            #expect(page.flags.contains(.uncertainBoundary))
            #expect(page.level == .problematic)
            #expect(page.reasons.contains { $0.contains("between page 1 and page 2") && $0.contains("not found at the foot or head of the OCR") })
        }
    }

    @Test("a word the OCR misread at the end of a page's last line is certain in a text that keeps the printed lines, not in one wrapped otherwise or typed a paragraph a line")
    func misreadWordOnTheLastLine() throws {
        let one = Self.body(81), two = Self.body(82)
        // The OCR misread the last word of page 1 beyond recognition.
        var words = one[one.count - 1].split(separator: " ").map(String.init)
        words[words.count - 1] = "xqzwv"
        let page1 = Self.join(one.dropLast() + [words.joined(separator: " ")]), page2 = Self.join(two)
        let printedLines = try PageSplitter.split(Self.join(one + two), pages: SplitFixtures.input([page1, page2]))
        #expect(printedLines.pages[0].text == Self.join(one))
        for page in printedLines.pages {
            #expect(!page.flags.contains(.uncertainBoundary))
            #expect(page.level == .notProofread)
        }
        // Typed as one paragraph a line, the misread word could as well open page 2: uncertain.
        let paragraphs = [one.joined(separator: " "), two.joined(separator: " ")].joined(separator: "\n\n")
        let typed = try PageSplitter.split(paragraphs, pages: SplitFixtures.input([page1, page2]))
        #expect(typed.pages.allSatisfy { $0.flags.contains(.uncertainBoundary) })
        // Wrapped at seven words a line, the text's lines are not the printed ones: uncertain.
        let words7 = (one + two).joined(separator: " ").split(separator: " ")
        let wrapped = stride(from: 0, to: words7.count, by: 7).map { words7[$0..<min($0 + 7, words7.count)].joined(separator: " ") }
        let rewrapped = try PageSplitter.split(wrapped.joined(separator: "\n"), pages: SplitFixtures.input([page1, page2]))
        #expect(rewrapped.pages.allSatisfy { $0.flags.contains(.uncertainBoundary) })
    }

    @Test("different numbers never pair as the same word: a stray 5 is not the page number 15")
    func numbersPairOnlyWhenEqual() throws {
        let one = Self.body(81), two = Self.body(82)
        let text = Self.join(one + ["15"] + two)
        // The OCR misread the page number and read a stray mark as 5 at the foot of the page before.
        let page1 = Self.join(one) + " 5"
        let page2 = "Ij\n\n" + Self.join(two)
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page1, page2]))
        #expect(result.pages[0].text == Self.join(one))
        #expect(result.pages[1].text.hasPrefix("15\n"))
    }

    @Test("MUFI private-use letters and Fraktur's double hyphen in a diplomatic text match the OCR")
    func diplomaticTranscription() throws {
        let text = "Da\u{F502} i\u{F502} wei\u{EBA6} nicht, was die Wi\u{F4F9}⸗\nkür der Men\u{EADA}hen thut, so gl\u{E72B}\u{EEC4}lich war i\u{F502} doch"
        let page = "Dach ich weiss nicht, was die Willkür der Mensthen thut, so glücklich war ich doch"
        let result = try PageSplitter.split(text, pages: SplitFixtures.input([page]))
        #expect(result.wordsFound == result.words)
        #expect(result.words == 15)
    }
}
