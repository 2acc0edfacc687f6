import QuireCore

/// Checks on the raw bytes before libxml2 sees them (quality bar X-1…X-9): emptiness, the size
/// cap, gzip, the encoding (a byte-order mark, the declared encoding against the bytes), and any
/// document type with an internal subset, which is refused before parsing so that entity bombs
/// never reach the parser.
///
/// Returns the bytes to parse, always UTF-8 (UTF-16 with a byte-order mark is converted here).
enum InputChecks {
    /// Encodings whose every byte is one character; UTF-8 bytes declared as one of these would be
    /// read as mojibake.
    static let singleBytePrefixes = ["ISO-8859", "ISO8859", "LATIN", "WINDOWS-125", "CP125", "US-ASCII", "ASCII", "KOI8", "MACINTOSH", "MAC-ROMAN"]

    /// Validates `bytes` and returns them as UTF-8.
    static func prepare(_ bytes: [UInt8], name: String, maximumBytes: Int) throws(XMLError) -> [UInt8] {
        let context = ErrorContext(file: name)
        guard !bytes.isEmpty else {
            throw XMLError(.emptyInput, "the file is empty", remedy: "export the XML again", context: context)
        }
        guard bytes.count <= maximumBytes else { throw XMLError.tooLarge(bytes.count, cap: maximumBytes, context: context) }
        if bytes.starts(with: [0x1F, 0x8B]) {
            throw XMLError(.unsupportedFormat, "the file is gzip-compressed; Quire does not decompress implicitly", remedy: "decompress it first (gunzip)", context: context)
        }
        let utf8 = try decodedToUTF8(bytes, context: context)
        try refuseInternalSubset(utf8, context: context)
        return utf8
    }

    /// Applies the byte-order mark or checks the declared encoding against the bytes.
    private static func decodedToUTF8(_ bytes: [UInt8], context: ErrorContext) throws(XMLError) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            try requireUTF8(bytes, declared: "UTF-8 (byte-order mark)", context: context)
            return Array(bytes.dropFirst(3))
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw XMLError(.unsupportedFormat, "the file is UTF-32, which Quire does not read", remedy: "convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)", context: context)
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return try utf16ToUTF8(bytes, bigEndian: bytes[0] == 0xFE, context: context)
        }
        if bytes.count >= 2, (bytes[0] == 0 && bytes[1] != 0) || (bytes[0] != 0 && bytes[1] == 0) {
            throw XMLError(.invalidInput, "the file looks like UTF-16 without a byte-order mark, which cannot be read reliably", remedy: "convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8) or save it with a byte-order mark", context: context)
        }
        let declared = declaredEncoding(bytes)?.uppercased()
        switch declared {
        case nil, "UTF-8", "UTF8":
            try requireUTF8(bytes, declared: declared == nil ? "no encoding (so UTF-8)" : "UTF-8", context: context)
        case let name? where name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") || name.hasPrefix("UCS"):
            throw XMLError(.invalidInput, "declares \(name) but its bytes are 8-bit and it has no byte-order mark", remedy: "fix the encoding declaration or convert the file to UTF-8", context: context)
        case let name? where singleBytePrefixes.contains(where: name.hasPrefix):
            if bytes.contains(where: { $0 >= 0x80 }), firstInvalidUTF8Offset(bytes) == nil {
                throw XMLError(.invalidInput, "declares \(name) but its bytes are UTF-8; reading them as declared would garble every accented letter", remedy: "change the declaration to encoding=\"UTF-8\"", context: context)
            }
            if name.hasSuffix("ASCII"), let offset = bytes.firstIndex(where: { $0 >= 0x80 }) {
                throw XMLError(.invalidInput, "declares \(name) but has a non-ASCII byte at \(position(offset, in: bytes))", remedy: "fix the encoding declaration", context: context)
            }
        default:
            break  // libxml2 knows the rest, or reports an unsupported encoding.
        }
        return bytes
    }

    /// Throws when `bytes` are not valid UTF-8, naming where.
    private static func requireUTF8(_ bytes: [UInt8], declared: String, context: ErrorContext) throws(XMLError) {
        guard let offset = firstInvalidUTF8Offset(bytes) else { return }
        throw XMLError(
            .invalidInput, "declares \(declared) but is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at \(position(offset, in: bytes)))",
            remedy: "declare the real encoding (e.g. encoding=\"ISO-8859-1\") or convert the file to UTF-8", context: context)
    }

    /// UTF-16 with a byte-order mark, validated and converted.
    private static func utf16ToUTF8(_ bytes: [UInt8], bigEndian: Bool, context: ErrorContext) throws(XMLError) -> [UInt8] {
        guard bytes.count % 2 == 0 else {
            throw XMLError(.invalidInput, "is UTF-16 with an odd number of bytes (truncated)", remedy: "export the file again", context: context)
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        for index in stride(from: 2, to: bytes.count, by: 2) {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw XMLError(.invalidInput, "is UTF-16 with an unpaired surrogate", remedy: "export the file again as UTF-8", context: context)
        }
        return Array(replacingDeclaredEncoding(in: text).utf8)
    }

    /// The text with `encoding="UTF-16"` in its XML declaration changed to UTF-8 (it now is).
    private static func replacingDeclaredEncoding(in text: String) -> String {
        guard text.hasPrefix("<?xml"), let end = text.firstRange(of: "?>") else { return text }
        let declaration = String(text[..<end.lowerBound])
        guard let encoding = attributeValue("encoding", inDeclaration: Array(declaration.utf8)) else { return text }
        return declaration.replacingOccurrences(of: encoding, with: "UTF-8") + text[end.lowerBound...]
    }

    /// The `encoding` of the XML declaration, when there is one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = Array(bytes.prefix(200))
        guard let end = (0..<max(0, head.count - 1)).first(where: { head[$0] == UInt8(ascii: "?") && head[$0 + 1] == UInt8(ascii: ">") }) else { return nil }
        return attributeValue("encoding", inDeclaration: Array(head[..<end]))
    }

    /// A pseudo-attribute of the XML declaration.
    private static func attributeValue(_ key: String, inDeclaration bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let keyRange = text.range(of: key) else { return nil }
        let rest = text[keyRange.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// Refuses a `<!DOCTYPE>` with an internal subset (where entities live) or for anything but
    /// `html`, before libxml2 parses it; the bare XHTML doctype is checked again after parsing.
    private static func refuseInternalSubset(_ bytes: [UInt8], context: ErrorContext) throws(XMLError) {
        guard let doctype = Prolog.doctype(in: bytes) else { return }
        if doctype.hasInternalSubset || doctype.name.lowercased() != "html" {
            throw XMLError.dtdRefused(context: context)
        }
    }

    /// The offset of the first byte that is not part of valid UTF-8; nil when all is valid.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            guard length > 0, index + length <= bytes.count else { return index }
            if length > 1, String(validating: bytes[index..<index + length], as: UTF8.self) == nil { return index }
            index += length
        }
        return nil
    }

    /// `line 3, byte 1234` for an offset.
    static func position(_ offset: Int, in bytes: [UInt8]) -> String {
        "line \(bytes[..<offset].count { $0 == 0x0A } + 1), byte \(offset)"
    }
}
