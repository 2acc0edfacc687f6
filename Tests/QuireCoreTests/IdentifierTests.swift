import QuireCore
import Testing

@Suite("Identifiers")
struct IdentifierTests {
    @Test("slugs are validated", arguments: [
        ("discurso-1972", true), ("a", true), ("doc_1.v2", true), ("9lives", true),
        ("", false), ("-leading", false), ("Upper", false), ("with space", false), ("ñandú", false),
        (String(repeating: "x", count: 64), true), (String(repeating: "x", count: 65), false),
    ])
    func slugValidation(text: String, valid: Bool) {
        #expect((DocumentID(text) != nil) == valid)
    }

    @Test("slugs are made from titles", arguments: [
        ("Discurso en la ONU, 1972", "discurso-en-la-onu-1972"),
        ("  Él dijo: «¡Basta!»  ", "el-dijo-basta"),
        ("Über die Straße", "uber-die-strasse"),
        ("!!!", "document"),
    ])
    func slugFromTitle(title: String, slug: String) {
        #expect(DocumentID.slug(fromTitle: title).rawValue == slug)
    }

    @Test func slugFromLongTitleIsCut() {
        let slug = DocumentID.slug(fromTitle: String(repeating: "palabra ", count: 30))
        #expect(slug.rawValue.count <= 64)
        #expect(!slug.rawValue.hasSuffix("-"))
        #expect(DocumentID(slug.rawValue) != nil)
    }

    @Test func pageNumbersStartAtOne() {
        #expect(PageNumber(0) == nil)
        #expect(PageNumber(-3) == nil)
        #expect(PageNumber(1) == .first)
        #expect(PageNumber.first.next.rawValue == 2)
        #expect(PageNumber.first.advanced(by: 9).rawValue == 10)
    }

    @Test func qualityLevelsCarryProofreadPageNames() {
        #expect(PageQuality.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
        #expect(PageQuality.allCases.map(\.name) == ["Without text", "Not proofread", "Problematic", "Proofread", "Validated"])
        #expect(!PageQuality.validated.isToolAssignable)
        #expect(PageQuality.proofread.isToolAssignable)
    }

    @Test("country codes", arguments: [("cl", "CL"), ("ES", "ES")])
    func countryCodes(input: String, code: String) {
        #expect(CountryCode(input)?.rawValue == code)
    }

    @Test("bad country codes", arguments: ["C", "CHL", "1A", "ñ1"])
    func badCountryCodes(input: String) {
        #expect(CountryCode(input) == nil)
    }
}

@Suite("Languages")
struct LanguageTests {
    @Test func tesseractCodesParse() throws {
        let latf = try #require(LanguageCode(tesseract: "deu_latf"))
        #expect(latf.baseCode == "deu")
        #expect(latf.iso6391 == "de")
        #expect(latf.debianPackage == "tesseract-ocr-deu-latf")
        #expect(LanguageCode(tesseract: "spa")?.iso6391 == "es")
        #expect(LanguageCode(tesseract: "spa")?.traineddataFile == "spa.traineddata")
    }

    @Test("rejected codes", arguments: ["", "sp a", "../etc", "foo/bar", "a/b/c", "spa+eng"])
    func rejected(code: String) {
        #expect(LanguageCode(tesseract: code) == nil)
    }

    @Test func isoCodesMapToTesseract() {
        #expect(LanguageCode(iso6391: "es")?.tesseractCode == "spa")
        #expect(LanguageCode(iso6391: "IT")?.tesseractCode == "ita")
        #expect(LanguageCode(iso6391: "xx") == nil)
    }

    @Test func languageSets() throws {
        let set = try #require(LanguageSet("spa+eng+spa"))
        #expect(set.languages.map(\.tesseractCode) == ["spa", "eng"])
        #expect(set.primary.tesseractCode == "spa")
        #expect(set.tesseractString == "spa+eng")
        #expect(LanguageSet("") == nil)
        #expect(LanguageSet("spa+") == nil)
        #expect(LanguageSet("spa+e g") == nil)
    }
}

@Suite("Clearance entries: control characters")
struct ClearanceEntryTextTests {
    @Test("refused where a person typed them", arguments: [
        ("Ana", "line\nbreak", nil as String?, "reason"), ("Ana\u{1B}[2K", "ok", nil, "who"), ("Ana", "ok", "tab\there", "justification"),
        ("Ana", "\u{202E}desrever", nil, "reason"), ("Ana", "cr\rhere", nil, "reason"), ("Ana", "nul\u{0}", nil, "reason"),
    ])
    func refused(actor: String, reason: String, justification: String?, field: String) {
        let event = ClearanceEvent(document: DocumentID("d")!, kind: .facts, actor: actor, reason: reason, justification: justification)
        #expect(event.fieldWithControlCharacters == field)
    }

    @Test func plainTextPasses() {
        let event = ClearanceEvent(document: DocumentID("d")!, kind: .facts, actor: "Ana Pérez", reason: "licencia «CC BY-SA» — عربي", justification: "ok")
        #expect(event.fieldWithControlCharacters == nil)
    }
}
