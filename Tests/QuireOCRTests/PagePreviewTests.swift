import Foundation
import QuireCore
import QuireOCR
import QuireTestSupport
import Testing

@Suite("Page previews for the browser")
struct PagePreviewTests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory() }

    /// The width and height of a baseline JPEG, read from its SOF0 marker.
    func jpegSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if marker == 0xC0 || marker == 0xC2 {
                return (Int(bytes[index + 7]) << 8 | Int(bytes[index + 8]), Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]))
            }
            index += 2 + length
        }
        return nil
    }

    @Test func onePageOfAMultiPageTIFFBecomesAJPEG() throws {
        let path = try folder.write("scan.tif", bytes: ImageFixtures.multiPageTIFF(pages: 3, side: 40))
        let data = try PagePreview.jpeg(of: PageImageSource(path: path, pageIndex: 2, format: .tiff), scratch: folder.path)
        let size = try #require(jpegSize(data))
        #expect(size.width == 40 && size.height == 40)
    }

    @Test func aWideScanIsScaledToTheMaximumWidth() throws {
        let path = try folder.write("wide.png", bytes: ImageFixtures.png(width: 3200, height: 100) { x, _ in UInt8(x % 256) })
        let data = try PagePreview.jpeg(of: PageImageSource(path: path, format: .png), scratch: folder.path)
        let size = try #require(jpegSize(data))
        #expect(size.width == PagePreview.maximumWidth && size.height == 50)
    }

    @Test func aDamagedScanIsAnError() throws {
        let path = try folder.write("bad.tif", bytes: Array("not a tiff".utf8))
        #expect(throws: OCRError.self) { try PagePreview.jpeg(of: PageImageSource(path: path, format: .tiff), scratch: folder.path) }
    }
}
