import Foundation

/// A Tesseract language model name such as `spa`, `deu_latf`, `chi_sim` or `script/Latin`.
///
/// Tesseract names its models by ISO 639-2/B-like codes with optional variants; wikis use ISO
/// 639-1 (`es`, `de`). The mapping between the two is the table ``LanguageTable``.
public struct LanguageCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The model name as Tesseract spells it.
    public let tesseractCode: String

    /// Validates a Tesseract model name: letters, digits, `_` and one optional `script/` prefix.
    public init?(tesseract code: String) {
        let parts = code.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(Self.isModelNamePart) else { return nil }
        if parts.count == 2 && parts[0] != "script" { return nil }
        tesseractCode = code
    }

    /// The Tesseract model for an ISO 639-1 code (`es` → `spa`), when the table knows it.
    public init?(iso6391 code: String) {
        guard let entry = LanguageTable.entries.first(where: { $0.iso6391 == code.lowercased() }) else { return nil }
        tesseractCode = entry.tesseract
    }

    private static func isModelNamePart(_ part: Substring) -> Bool {
        !part.isEmpty && part.count <= 32 && part.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
    }

    /// The base language without variant: `deu_latf` → `deu`.
    public var baseCode: String {
        String(tesseractCode.split(separator: "_").first ?? Substring(tesseractCode))
    }

    /// The ISO 639-1 code wikis use (`deu_latf` → `de`), when the table knows the language.
    public var iso6391: String? { LanguageTable.entry(forTesseract: tesseractCode)?.iso6391 }

    /// The English name of the language, when the table knows it.
    public var englishName: String? { LanguageTable.entry(forTesseract: tesseractCode)?.englishName }

    /// The Debian package that ships this model's traineddata, e.g. `tesseract-ocr-spa`.
    public var debianPackage: String {
        "tesseract-ocr-" + tesseractCode.lowercased().replacingOccurrences(of: "_", with: "-")
            .replacingOccurrences(of: "script/", with: "script-")
    }

    /// The traineddata file name relative to a tessdata folder.
    public var traineddataFile: String { tesseractCode + ".traineddata" }

    public var description: String { tesseractCode }
    public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool { lhs.tesseractCode < rhs.tesseractCode }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = LanguageCode(tesseract: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a Tesseract language code"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tesseractCode)
    }
}

/// One or more languages tried together, written `spa+eng` as Tesseract does.
public struct LanguageSet: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The languages in priority order, without repeats.
    public let languages: [LanguageCode]

    /// Parses `spa+eng`; nil when empty or when a part is not a language code.
    public init?(_ text: String) {
        var seen = Set<LanguageCode>()
        var list: [LanguageCode] = []
        for part in text.split(separator: "+", omittingEmptySubsequences: false) {
            guard let code = LanguageCode(tesseract: String(part)) else { return nil }
            if seen.insert(code).inserted { list.append(code) }
        }
        guard !list.isEmpty else { return nil }
        languages = list
    }

    /// A set of the given languages (at least one).
    public init(_ languages: [LanguageCode]) {
        precondition(!languages.isEmpty, "a language set needs at least one language")
        self.languages = languages
    }

    /// The first, main language.
    public var primary: LanguageCode { languages[0] }

    /// `spa+eng`, the form Tesseract's Init takes.
    public var tesseractString: String { languages.map(\.tesseractCode).joined(separator: "+") }

    public var description: String { tesseractString }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let set = LanguageSet(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a language list such as spa+eng"))
        }
        self = set
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tesseractString)
    }
}
