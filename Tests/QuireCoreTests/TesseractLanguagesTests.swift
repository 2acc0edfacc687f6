import QuireCore
import Testing

/// The table of Tesseract's model names and the codes people type instead (issue 15 #4).
@Suite("Tesseract languages")
struct TesseractLanguagesTests {
    @Test func everySuggestionIsAModelTesseractPublishes() {
        for (typed, meant) in TesseractLanguages.suggestions {
            #expect(TesseractLanguages.models.contains(meant), "\(typed) → \(meant)")
            #expect(!TesseractLanguages.models.contains(typed), "\(typed) is a model itself")
        }
    }

    @Test func wikiCodesAndBibliographicCodesPointToTheModel() {
        #expect(TesseractLanguages.suggestion(for: "es") == "spa")
        #expect(TesseractLanguages.suggestion(for: "DE") == "deu")
        #expect(TesseractLanguages.suggestion(for: "fre") == "fra")
        #expect(TesseractLanguages.suggestion(for: "xyz") == nil)
        #expect(TesseractLanguages.isKnown(LanguageCode(tesseract: "deu_latf")!))
        #expect(TesseractLanguages.isKnown(LanguageCode(tesseract: "script/Latin")!))
        #expect(!TesseractLanguages.isKnown(LanguageCode(tesseract: "es")!))
        // Every language the wiki table maps has a model.
        for entry in LanguageTable.entries { #expect(TesseractLanguages.models.contains(entry.tesseract), "\(entry.tesseract)") }
    }
}
