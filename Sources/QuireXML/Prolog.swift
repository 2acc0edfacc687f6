/// A byte-level look at an XML prolog (what comes before the root element): enough to find a
/// `<!DOCTYPE …>` and whether it has an internal subset, without parsing anything else.
enum Prolog {
    /// What a document type declaration says about itself.
    struct Doctype: Equatable {
        /// The root element name it names.
        var name: String
        /// True when it has `[ … ]`, where entities and other declarations live.
        var hasInternalSubset: Bool
    }

    /// The document type declaration before the root element, if any (UTF-8 or ASCII bytes).
    static func doctype(in bytes: [UInt8]) -> Doctype? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if matches("<?", at: index, in: bytes) {
                guard let end = find("?>", from: index + 2, in: bytes) else { return nil }
                index = end + 2
            } else if matches("<!--", at: index, in: bytes) {
                guard let end = find("-->", from: index + 4, in: bytes) else { return nil }
                index = end + 3
            } else if matches("<!DOCTYPE", at: index, in: bytes) {
                return declaration(from: index + 9, in: bytes)
            } else {
                return nil  // The root element (or garbage, which libxml2 reports).
            }
        }
        return nil
    }

    /// Reads the name and looks for `[` outside quoted literals, up to the closing `>`.
    private static func declaration(from start: Int, in bytes: [UInt8]) -> Doctype {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
        let nameStart = index
        while index < bytes.count, !(bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "[")) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                return Doctype(name: name, hasInternalSubset: true)
            } else if byte == UInt8(ascii: ">") {
                return Doctype(name: name, hasInternalSubset: false)
            }
            index += 1
        }
        // Unterminated: treat as hostile; libxml2 would fail on it anyway.
        return Doctype(name: name, hasInternalSubset: true)
    }

    private static func matches(_ token: StaticString, at index: Int, in bytes: [UInt8]) -> Bool {
        let count = token.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return token.withUTF8Buffer { token in (0..<count).allSatisfy { bytes[index + $0] == token[$0] } }
    }

    private static func find(_ token: StaticString, from start: Int, in bytes: [UInt8]) -> Int? {
        var index = start
        while index < bytes.count {
            if matches(token, at: index, in: bytes) { return index }
            index += 1
        }
        return nil
    }
}

/// The one document type Quire accepts: the bare XHTML/HTML declaration Tesseract (and other
/// engines) put on hOCR. With no internal subset, no DTD loading and no network, it declares
/// nothing and fetches nothing; its system identifier is never used.
enum XHTMLDoctype {
    /// Public identifiers accepted (prefixes).
    static let publicIDPrefixes = ["-//W3C//DTD XHTML ", "-//W3C//DTD HTML 4"]
    /// System identifiers accepted (prefixes); anything else is refused outright.
    static let systemIDPrefixes = ["http://www.w3.org/TR/", "https://www.w3.org/TR/"]

    /// True for `<!DOCTYPE html>` and the W3C XHTML/HTML 4 public doctypes.
    static func isAllowed(name: String, publicID: String?, systemID: String?) -> Bool {
        guard name.lowercased() == "html" else { return false }
        let publicOK = publicID.map { id in publicIDPrefixes.contains { id.hasPrefix($0) } } ?? true
        let systemOK = systemID.map { id in systemIDPrefixes.contains { id.hasPrefix($0) } } ?? true
        return publicOK && systemOK
    }
}
