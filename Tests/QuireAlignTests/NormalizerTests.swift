import QuireAlign
import Testing

@Suite("Text normalisation")
struct NormalizerTests {
    @Test("folding", arguments: [
        ("«Hola»  —dijo—   “amigo”", "\"hola\" -dijo- \"amigo\""),
        ("ﬁnal oﬃce", "final office"),
        ("Geſchichte", "geschichte"),
        ("conoci-\nmiento", "conocimiento"),
        ("conoci¬\n  miento", "conocimiento"),
        ("franco-chilena", "franco-chilena"),
        ("año 1931 -\n2", "año 1931 - 2"),
        ("e\u{301}l", "él"),
        ("a\u{00A0}b\tc\n\nd", "a b c d"),
    ])
    func normalises(input: String, expected: String) {
        #expect(TextNormalizer().normalize(input) == expected)
    }

    @Test func optionsAreIndependent() {
        let typographyOnly = TextNormalizer(options: .typography)
        #expect(typographyOnly.normalize("«Año»-\nnuevo") == "\"Año\"- nuevo")
        #expect(TextNormalizer(options: []).normalize("«A»") == "«A»")
        #expect(TextNormalizer().words("Uno,  dos\ntres") == ["uno,", "dos", "tres"])
    }
}

@Suite("Edit distance")
struct EditDistanceTests {
    @Test("distances", arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("abc", "", 3), ("same", "same", 0), ("flaw", "lawn", 2)])
    func distances(a: String, b: String, d: Int) {
        #expect(EditDistance.distance(Array(a), Array(b)) == d)
        #expect(EditDistance.distance(Array(b), Array(a)) == d)
    }

    @Test func rates() {
        #expect(EditDistance.characterErrorRate(reference: "abcd", hypothesis: "abxd") == 0.25)
        #expect(EditDistance.characterErrorRate(reference: "", hypothesis: "") == 0)
        #expect(EditDistance.characterErrorRate(reference: "", hypothesis: "x") == 1)
        #expect(EditDistance.wordErrorRate(reference: "el libro es un amigo", hypothesis: "el libro un amigo") == 0.2)
    }
}
