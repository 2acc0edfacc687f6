import Foundation

/// The stable identifier of a document in a catalogue: a short slug such as `discurso-1931`.
///
/// A slug is 1–64 characters of lowercase ASCII letters, digits, `-`, `_` and `.`, starting with a
/// letter or digit, so it is safe in file names, URLs and shell arguments alike.
public struct DocumentID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The slug text.
    public let rawValue: String

    /// The longest slug accepted.
    public static let maximumLength = 64

    /// Validates `rawValue` as a slug; returns nil when it is not one.
    public init?(_ rawValue: String) {
        guard Self.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Makes a slug from a free-form title: accents folded, words joined by `-`, cut to length.
    /// Returns `document` when the title has no usable character.
    public static func slug(fromTitle title: String) -> DocumentID {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let isAllowed = scalar.isASCII && (("a"..."z").contains(Character(scalar)) || ("0"..."9").contains(Character(scalar)))
            if isAllowed {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
            if slug.count >= maximumLength { break }
        }
        var cut = Substring(slug.prefix(maximumLength))
        while cut.hasSuffix("-") { cut.removeLast() }
        return DocumentID(String(cut)) ?? DocumentID(unchecked: "document")
    }

    private init(unchecked: String) { rawValue = unchecked }

    /// Whether `text` is an acceptable slug.
    public static func isValid(_ text: String) -> Bool {
        guard (1...maximumLength).contains(text.count), let first = text.unicodeScalars.first else { return false }
        guard isAlphanumeric(first) else { return false }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    public var description: String { rawValue }
    public static func < (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = DocumentID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a document slug"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
