/// The kinds of source file Quire accepts, detected from the bytes, never from the extension.
public enum SourceFormat: String, CaseIterable, Sendable, Codable {
    case png, jpeg, tiff, jpeg2000, webp, gif, pnm, bmp
    case pdf, djvu
    /// A UTF-8 text file: a transcript, not a scan.
    case text

    /// Whether the format holds page images (as opposed to a transcript).
    public var isScan: Bool { self != .text }

    /// Whether one file may hold many pages.
    public var isMultiPage: Bool {
        switch self {
        case .tiff, .pdf, .djvu, .gif: true
        default: false
        }
    }

    /// Whether it is a raster image format Leptonica decodes.
    public var isRasterImage: Bool { isScan && self != .pdf && self != .djvu }

    /// Detects the format from the first bytes of a file (at least 16 bytes for certainty).
    ///
    /// Text is recognised only when the bytes are valid UTF-8 without NUL; callers confirm the
    /// whole file. Returns nil for anything else (HEIC, ZIP, executables…).
    public static func sniff(_ head: [UInt8]) -> SourceFormat? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<(offset + magic.count)]) == magic
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || starts([0xFF, 0x4F, 0xFF, 0x51]) { return .jpeg2000 }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if head.count >= 2, head[0] == UInt8(ascii: "P"), (UInt8(ascii: "1")...UInt8(ascii: "7")).contains(head[1]) { return .pnm }
        if starts(Array("BM".utf8)) && head.count >= 14 { return .bmp }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts(Array("AT&TFORM".utf8)) { return .djvu }
        if looksLikeText(head) { return .text }
        return nil
    }

    private static func looksLikeText(_ head: [UInt8]) -> Bool {
        guard !head.isEmpty, !head.contains(0) else { return false }
        // A cut may fall inside a multi-byte sequence: drop up to three trailing bytes of one.
        var bytes = head[...]
        var trimmed = 0
        while let last = bytes.last, last & 0xC0 == 0x80 || last & 0xC0 == 0xC0, trimmed < 3 {
            bytes = bytes.dropLast()
            trimmed += 1
            if last & 0xC0 == 0xC0 { break }
        }
        let controlsAllowed: Set<UInt8> = [0x09, 0x0A, 0x0C, 0x0D]
        guard !bytes.contains(where: { $0 < 0x20 && !controlsAllowed.contains($0) }) else { return false }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}
