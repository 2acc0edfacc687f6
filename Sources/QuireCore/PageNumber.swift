/// A physical page number within a document's scan: 1-based, as in `Page:Scan.pdf/7`.
///
/// This is the position of the image in the scan, not the number printed on the page; the printed
/// number is layout information and lives in the text model and the Index `<pagelist>`.
public struct PageNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The 1-based position.
    public let rawValue: Int

    /// Returns nil for numbers below 1.
    public init?(_ rawValue: Int) {
        guard rawValue >= 1 else { return nil }
        self.rawValue = rawValue
    }

    /// The first page of every document.
    public static let first = PageNumber(unchecked: 1)

    private init(unchecked: Int) { rawValue = unchecked }

    /// The page after this one.
    public var next: PageNumber { PageNumber(unchecked: rawValue + 1) }

    /// The page `offset` places after this one (offset ≥ 0).
    public func advanced(by offset: Int) -> PageNumber {
        precondition(offset >= 0, "page offsets are never negative")
        return PageNumber(unchecked: rawValue + offset)
    }

    public var description: String { String(rawValue) }
    public static func < (lhs: PageNumber, rhs: PageNumber) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int.self)
        guard let page = PageNumber(value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "page number \(value) is below 1"))
        }
        self = page
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
