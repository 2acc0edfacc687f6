/// The languages Quire knows by name: Tesseract model, ISO 639-1 code and English name.
///
/// Data, not logic: add a row to support a language's wiki code. Variants such as `deu_latf` or
/// `spa_old` map through their base code.
public enum LanguageTable {
    /// One language row.
    public struct Entry: Sendable, Hashable {
        /// Tesseract's base model name.
        public let tesseract: String
        /// ISO 639-1 code, as wikis and HTML use.
        public let iso6391: String
        /// English name.
        public let englishName: String
    }

    /// Every known language.
    public static let entries: [Entry] = [
        Entry(tesseract: "eng", iso6391: "en", englishName: "English"),
        Entry(tesseract: "spa", iso6391: "es", englishName: "Spanish"),
        Entry(tesseract: "fra", iso6391: "fr", englishName: "French"),
        Entry(tesseract: "deu", iso6391: "de", englishName: "German"),
        Entry(tesseract: "frk", iso6391: "de", englishName: "German (Fraktur)"),
        Entry(tesseract: "ita", iso6391: "it", englishName: "Italian"),
        Entry(tesseract: "por", iso6391: "pt", englishName: "Portuguese"),
        Entry(tesseract: "swe", iso6391: "sv", englishName: "Swedish"),
        Entry(tesseract: "cat", iso6391: "ca", englishName: "Catalan"),
        Entry(tesseract: "glg", iso6391: "gl", englishName: "Galician"),
        Entry(tesseract: "eus", iso6391: "eu", englishName: "Basque"),
        Entry(tesseract: "nld", iso6391: "nl", englishName: "Dutch"),
        Entry(tesseract: "lat", iso6391: "la", englishName: "Latin"),
        Entry(tesseract: "pol", iso6391: "pl", englishName: "Polish"),
        Entry(tesseract: "ces", iso6391: "cs", englishName: "Czech"),
        Entry(tesseract: "dan", iso6391: "da", englishName: "Danish"),
        Entry(tesseract: "nor", iso6391: "no", englishName: "Norwegian"),
        Entry(tesseract: "fin", iso6391: "fi", englishName: "Finnish"),
        Entry(tesseract: "rus", iso6391: "ru", englishName: "Russian"),
        Entry(tesseract: "ell", iso6391: "el", englishName: "Greek"),
        Entry(tesseract: "ron", iso6391: "ro", englishName: "Romanian"),
        Entry(tesseract: "hun", iso6391: "hu", englishName: "Hungarian"),
    ]

    /// The row for a Tesseract model name, trying its base code (`deu_latf` → `deu`).
    public static func entry(forTesseract code: String) -> Entry? {
        if let exact = entries.first(where: { $0.tesseract == code }) { return exact }
        let base = code.split(separator: "_").first.map(String.init) ?? code
        return entries.first(where: { $0.tesseract == base })
    }
}
