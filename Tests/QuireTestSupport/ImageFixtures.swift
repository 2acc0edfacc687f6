/// Small real image files made in memory, so tests need no binary fixtures for simple cases.
public enum ImageFixtures {
    /// A binary PGM (P5) of `width`×`height` grey pixels of one value.
    public static func pgm(width: Int, height: Int, value: UInt8 = 255) -> [UInt8] {
        Array("P5\n\(width) \(height)\n255\n".utf8) + [UInt8](repeating: value, count: width * height)
    }

    /// A valid 8-bit greyscale PNG whose pixels come from `pixel(x, y)`, compressed with stored
    /// (uncompressed) deflate blocks, with correct CRCs and Adler-32.
    public static func png(width: Int, height: Int, pixel: (Int, Int) -> UInt8 = { _, _ in 255 }) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            raw.append(0)  // filter: none
            for x in 0..<width { raw.append(pixel(x, y)) }
        }
        return pngSignature + chunk("IHDR", ihdr(width: width, height: height)) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
    }

    /// A 16-bit greyscale PNG: dark text-like bars on white.
    public static func png16(width: Int, height: Int) -> [UInt8] {
        var raw: [UInt8] = []
        for y in 0..<height {
            raw.append(0)
            for x in 0..<width {
                let value: UInt16 = (y / 8 % 3 == 1 && x / 6 % 2 == 0) ? 0x0800 : 0xFFFF
                raw += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
        }
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [16, 0, 0, 0, 0]
        return pngSignature + chunk("IHDR", header) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
    }

    /// An 8-bit palette PNG with a transparency chunk: index 0 transparent, 1 black, 2 white.
    public static func pngPaletteWithAlpha(width: Int, height: Int) -> [UInt8] {
        var raw: [UInt8] = []
        for y in 0..<height {
            raw.append(0)
            for x in 0..<width { raw.append(x < 4 ? 0 : (y / 8 % 3 == 1 && x / 6 % 2 == 0) ? 1 : 2) }
        }
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 3, 0, 0, 0]
        return pngSignature + chunk("IHDR", header) + chunk("PLTE", [0, 0, 0, 0, 0, 0, 255, 255, 255])
            + chunk("tRNS", [0, 255, 255]) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
    }

    /// An uncompressed CMYK TIFF (PhotometricInterpretation 5, 4 samples of 8 bits): white
    /// with dark bars, as a prepress scanner writes it.
    public static func tiffCMYK(width: Int, height: Int) -> [UInt8] {
        var pixels: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width { pixels += (y / 8 % 3 == 1 && x / 6 % 2 == 0) ? [0, 0, 0, 230] : [0, 0, 0, 0] }
        }
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
        let entries: [(tag: Int, type: Int, count: Int, value: Int)] = [
            (256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 5),
            (273, 4, 1, 0), (277, 3, 1, 4), (278, 4, 1, height), (279, 4, 1, pixels.count), (284, 3, 1, 1),
        ]
        let ifdOffset = 8
        let dataOffset = ifdOffset + 2 + entries.count * 12 + 4
        var out: [UInt8] = [0x49, 0x49, 42, 0] + le32(ifdOffset) + le16(entries.count)
        for entry in entries {
            let value = entry.tag == 273 ? dataOffset : entry.value
            out += le16(entry.tag) + le16(entry.type) + le32(entry.count) + (entry.type == 3 ? le16(value) + [0, 0] : le32(value))
        }
        return out + le32(0) + pixels
    }

    /// An uncompressed 8-bit grey TIFF of `pages` pages of `side`×`side` pixels, page n (0-based)
    /// filled with `grey(n)`, so a test can tell which page was decoded.
    public static func multiPageTIFF(pages: Int, side: Int = 8, grey: (Int) -> UInt8 = { _ in 255 }) -> [UInt8] {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
        let entries = 8
        let ifdSize = 2 + entries * 12 + 4
        let pageSize = ifdSize + side * side
        var out: [UInt8] = [0x49, 0x49, 42, 0] + le32(8)
        for page in 0..<pages {
            let ifd = 8 + page * pageSize
            let data = ifd + ifdSize
            let next = page + 1 < pages ? ifd + pageSize : 0
            let fields: [(tag: Int, type: Int, value: Int)] = [
                (256, 4, side), (257, 4, side), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, data), (278, 4, side), (279, 4, side * side),
            ]
            out += le16(entries)
            for field in fields { out += le16(field.tag) + le16(field.type) + le32(1) + (field.type == 3 ? le16(field.value) + [0, 0] : le32(field.value)) }
            out += le32(next) + [UInt8](repeating: grey(page), count: side * side)
        }
        return out
    }

    /// A bilevel PBM (P4) of `width`×`height` with dark bars: input for `cjb2` to make a DjVu.
    public static func pbm(width: Int, height: Int) -> [UInt8] {
        var out = Array("P4\n\(width) \(height)\n".utf8)
        let rowBytes = (width + 7) / 8
        for y in 0..<height {
            var row = [UInt8](repeating: 0, count: rowBytes)
            if y / 8 % 3 == 1 { for x in 0..<width where x / 6 % 2 == 0 { row[x / 8] |= UInt8(0x80 >> (x % 8)) } }
            out += row
        }
        return out
    }

    /// Only a PNG signature and an IHDR claiming `width`×`height`: a decompression bomb's header.
    public static func pngHeaderOnly(width: Int, height: Int) -> [UInt8] {
        pngSignature + chunk("IHDR", ihdr(width: width, height: height)) + chunk("IDAT", zlibStored([0, 0, 0, 0])) + chunk("IEND", [])
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    private static func ihdr(width: Int, height: Int) -> [UInt8] {
        bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 0, 0, 0, 0]  // 8-bit grey
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(typeBytes + data))
    }

    /// `data` as a zlib stream of stored (uncompressed) deflate blocks, with its Adler-32.
    public static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let size = min(65535, data.count - offset)
            let final: UInt8 = offset + size >= data.count ? 1 : 0
            out.append(final)
            out += [UInt8(size & 0xFF), UInt8(size >> 8), UInt8(~size & 0xFF), UInt8((~size >> 8) & 0xFF)]
            out += data[offset..<(offset + size)]
            offset += size
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return out + bigEndian(b << 16 | a)
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A one-page PDF carrying a (cryptographically empty) signature field and value, which
    /// `pdfsig` lists as a signature: stands in for a digitally signed record.
    public static func signedPDF() -> [UInt8] {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Annots [4 0 R] >>",
            "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [0 0 0 0] /P 3 0 R /V 5 0 R >>",
            "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 0 0 0] /Contents <"
                + String(repeating: "00", count: 64) + "> /M (D:20260101000000Z) >>",
        ]
        return pdfFile(objects)
    }

    private static func pdfFile(_ objects: [String]) -> [UInt8] {
        var body = "%PDF-1.7\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            body += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(body.utf8)
    }

    /// A one-page PDF that is one uncompressed greyscale image of `width`×`height` pixels drawn
    /// over the whole page at `dpi`, as a scanner or img2pdf writes a scan: dark bars on white.
    public static func imagePDF(width: Int, height: Int, dpi: Int) -> [UInt8] {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width { pixels.append((y / 8 % 3 == 1 && x / 6 % 2 == 0) ? 20 : 255) }
        }
        let (w, h) = (Double(width) * 72 / Double(dpi), Double(height) * 72 / Double(dpi))
        let draw = "q \(w) 0 0 \(h) 0 0 cm /Im0 Do Q"
        let head = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(w) \(h)] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        ]
        var body: [UInt8] = Array("%PDF-1.7\n".utf8)
        var offsets: [Int] = []
        for (index, object) in head.enumerated() {
            offsets.append(body.count)
            body += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        offsets.append(body.count)
        body += Array("4 0 obj\n<< /Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace /DeviceGray /BitsPerComponent 8 /Length \(pixels.count) >>\nstream\n".utf8)
        body += pixels + Array("\nendstream\nendobj\n".utf8)
        offsets.append(body.count)
        body += Array("5 0 obj\n<< /Length \(draw.utf8.count) >>\nstream\n\(draw)\nendstream\nendobj\n".utf8)
        let xref = body.count
        var tail = "xref\n0 6\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            tail += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        tail += "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return body + Array(tail.utf8)
    }

    /// A minimal valid PDF of A6 pages, with a correct cross-reference table. Pages with a
    /// line in `text` carry it in Helvetica (a real text layer); the others are empty.
    public static func pdf(pages: Int = 1, text: [Int: String] = [:]) -> [UInt8] {
        var objects: [String] = []
        let kids = (0..<pages).map { "\(3 + $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
        let font = 3 + pages
        for page in 0..<pages {
            if text[page] != nil {
                objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(font + 1 + page) 0 R >>")
            } else {
                objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] >>")
            }
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for page in 0..<pages {
            let stream = text[page].map { "BT /F1 18 Tf 30 300 Td (\($0)) Tj ET" } ?? ""
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        return pdfFile(objects)
    }
}
