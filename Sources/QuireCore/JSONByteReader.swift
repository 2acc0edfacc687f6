/// A forward reader of JSON text over its UTF-8 bytes, for decoders written by hand where
/// `JSONDecoder` is too slow (the text model of every page is read each time a document's
/// wikitext or e-book is made). It reads values as the caller asks for them and throws
/// ``JSONByteReader/Failure`` at the first byte that does not fit, so a caller can fall back to
/// `JSONDecoder` for anything it does not know.
public struct JSONByteReader: ~Copyable {
    /// Why reading stopped: malformed JSON, or a value of another shape than the caller expected.
    public struct Failure: Error, Hashable, Sendable {
        /// The byte offset where reading stopped.
        public let offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// A reader over `bytes`, which must outlive it.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// True when only white space is left.
    public mutating func atEnd() -> Bool {
        skipSpace()
        return position == bytes.count
    }

    /// Reads `null` and returns true, or returns false (reading nothing) when the next value is
    /// something else.
    public mutating func readNull() throws(Failure) -> Bool {
        skipSpace()
        guard peek() == UInt8(ascii: "n") else { return false }
        try expectWord("null")
        return true
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws(Failure) -> Bool {
        skipSpace()
        if peek() == UInt8(ascii: "t") {
            try expectWord("true")
            return true
        }
        try expectWord("false")
        return false
    }

    /// Reads a number written as a whole number (no fraction, no exponent) that fits an `Int`.
    public mutating func readInt() throws(Failure) -> Int {
        skipSpace()
        var negative = false
        if peek() == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        let start = position
        var value = 0
        while position < bytes.count, let digit = Self.digit(bytes[position]) {
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(digit)
            guard !overflowTimes, !overflowSum else { throw failure }
            value = sum
            position += 1
        }
        guard position > start, !isNumberContinuation(peek()) else { throw failure }
        return negative ? -value : value
    }

    /// Reads any JSON number as a `Double`.
    public mutating func readDouble() throws(Failure) -> Double {
        skipSpace()
        let start = position
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        guard position > start else { throw failure }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            position = start
            throw failure
        }
        return value
    }

    /// Reads a string, resolving its escapes.
    public mutating func readString() throws(Failure) -> String {
        skipSpace()
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            guard byte >= 0x20 else { throw failure }
            position += 1
        }
        throw failure
    }

    /// Reads an object, calling `member` with each key; `member` must read the key's value.
    public mutating func readObject(_ member: (inout JSONByteReader, String) throws(Failure) -> Void) throws(Failure) {
        skipSpace()
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            let key = try readString()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            skipSpace()
            if peek() == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    /// Reads an array, calling `element` once for each element; `element` must read it.
    public mutating func readArray(_ element: (inout JSONByteReader) throws(Failure) -> Void) throws(Failure) {
        skipSpace()
        try expect(UInt8(ascii: "["))
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            try element(&self)
            skipSpace()
            if peek() == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    /// A failure at the current position, for a caller that met a key or value it does not know.
    public var failure: Failure { Failure(offset: position) }

    // MARK: - Bytes

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard peek() == byte else { throw failure }
        position += 1
    }

    private mutating func expectWord(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw failure }
        for index in 0..<count where bytes[position + index] != word.utf8Start[index] { throw failure }
        position += count
        guard !isNumberContinuation(peek()), !(peek().map(Self.isLetter) ?? false) else { throw failure }
    }

    private func isNumberContinuation(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return Self.isNumberByte(byte)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        digit(byte) != nil || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The slow path of ``readString()``: the string from `start` (just after its opening quote)
    /// holds an escape.
    private mutating func readEscapedString(from start: Int) throws(Failure) -> String {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek() else { throw failure }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: try readUnicodeEscape())
                default: throw failure
                }
            default:
                guard byte >= 0x20 else { throw failure }
                utf8.append(byte)
            }
        }
        throw failure
    }

    /// The UTF-8 of a `\uXXXX` escape (its `\u` already read), with a following low surrogate
    /// when the first is a high one; a lone surrogate is refused, as `JSONDecoder` refuses it.
    private mutating func readUnicodeEscape() throws(Failure) -> [UInt8] {
        let first = try readHex4()
        var value = first
        if (0xD800...0xDBFF).contains(first) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else { throw failure }
            position += 2
            let second = try readHex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw failure }
            value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(first) {
            throw failure
        }
        guard let scalar = Unicode.Scalar(value) else { throw failure }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let nibble: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure
            }
            value = value << 4 | nibble
            position += 1
        }
        return value
    }
}
