import Foundation
import QuireCore
import QuireTestSupport
import Testing

@Suite("Source formats")
struct SourceFormatTests {
    @Test("magic bytes", arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] as [UInt8], SourceFormat.png),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 16], .jpeg),
        ([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], .tiff),
        ([0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8], .tiff),
        ([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A], .jpeg2000),
        (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), .webp),
        (Array("GIF89a".utf8), .gif),
        (Array("P5\n1 1\n255\n".utf8), .pnm),
        (Array("BM".utf8) + [UInt8](repeating: 0, count: 20), .bmp),
        (Array("%PDF-1.7\n".utf8), .pdf),
        (Array("AT&TFORM\u{0}\u{0}".utf8), .djvu),
        (Array("Discurso del señor Presidente\n".utf8), .text),
        (Array("\u{FEFF}Con BOM\r\n".utf8), .text),
    ])
    func sniffs(bytes: [UInt8], format: SourceFormat) {
        #expect(SourceFormat.sniff(bytes) == format)
    }

    @Test("not recognised", arguments: [
        [] as [UInt8], [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63],  // HEIC
        Array("PK\u{3}\u{4}".utf8), [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], [0xC3, 0x28, 0x41, 0x42],  // ZIP, ELF, bad UTF-8
    ])
    func rejects(bytes: [UInt8]) {
        #expect(SourceFormat.sniff(bytes) == nil)
    }

    @Test func textCutInsideAMultibyteCharacterIsStillText() {
        let bytes = Array("año ñandú".utf8)
        let cut = Array(bytes.prefix(5))  // "año" + first byte of " " … ends inside nothing; then cut inside ñ
        #expect(SourceFormat.sniff(cut) == .text)
        let insideN = Array(bytes.prefix(3))  // "a" + first byte of "ñ" + second byte
        #expect(SourceFormat.sniff(Array(insideN.prefix(2))) == .text)
    }

    @Test func classification() {
        #expect(SourceFormat.pdf.isMultiPage && SourceFormat.tiff.isMultiPage && !SourceFormat.png.isMultiPage)
        #expect(!SourceFormat.text.isScan && SourceFormat.djvu.isScan)
        #expect(SourceFormat.png.isRasterImage && !SourceFormat.pdf.isRasterImage)
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(input: String, digest: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == digest)
    }

    @Test func streamingEqualsOneShot() {
        let data = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 127, 1000, 5000] where offset < data.count {
            let end = min(data.count, offset + size)
            hasher.update(data[offset..<end])
            offset = end
        }
        hasher.update(data[offset...])
        #expect(hasher.finalizeHex() == SHA256.hex(of: data))
    }

    @Test func millionAs() {
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite("Text model")
struct TextModelTests {
    @Test func plainTextKeepsLinesAndBlankLinesBetweenRegions() {
        var page = TextFixtures.page([["Primera línea", "segunda"], ["Otro párrafo"]])
        page.regions[0].lines[1].endsWithHyphenationMark = true
        #expect(page.plainText == "Primera línea\nsegunda-\n\nOtro párrafo")
        #expect(page.words.count == 5)
        #expect(!page.isEmpty)
    }

    @Test func meanConfidenceIgnoresUnknown() {
        var page = TextFixtures.page([["uno dos"]], confidence: 0.8)
        page.regions[0].lines[0].words.append(Word(text: "tres"))
        #expect(page.meanConfidence == 0.8)
        #expect(PageText(width: 1, height: 1, regions: []).meanConfidence == nil)
        #expect(PageText(width: 1, height: 1, regions: []).isEmpty)
    }

    @Test func boxesUnite() {
        let a = BoundingBox(x: 10, y: 10, width: 10, height: 10)
        let b = BoundingBox(left: 30, top: 5, right: 40, bottom: 15)
        #expect(a.union(b) == BoundingBox(left: 10, top: 5, right: 40, bottom: 20))
        #expect(BoundingBox.union(of: []) == nil)
        #expect(BoundingBox(x: 0, y: 0, width: -5, height: 3).isEmpty)
    }

    @Test func modelRoundTripsThroughJSON() throws {
        let page = TextFixtures.page([["Hola mundo"]])
        let data = try JSONEncoder().encode(page)
        #expect(try JSONDecoder().decode(PageText.self, from: data) == page)
    }

    @Test func errorDescriptionNamesFilePageAndRemedy() {
        let error = CoreError(.emptyInput, "the file is empty", remedy: "rescan it", context: ErrorContext(file: "a b.tif", page: 3))
        #expect(error.description == "'a b.tif', page 3: the file is empty — rescan it")
        #expect(ErrorCode.emptyInput.category == .input)
        #expect(ErrorCode.clearanceRequired.category == .clearance)
    }
}
