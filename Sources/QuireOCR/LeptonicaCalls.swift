import CLeptonica
import Foundation
import QuireCore
import Synchronization

/// Every call into Leptonica made by this module, in one place. Each wrapper names the C function
/// it calls, turns its status into a thrown error and keeps Leptonica's messages off stderr.
enum LeptonicaCalls {
    /// The header facts of an image file, read without decoding its pixels.
    struct Header: Hashable {
        var width: Int
        var height: Int
        var bitsPerSample: Int
        var samplesPerPixel: Int
        var hasColormap: Bool
    }

    /// Leptonica's recent messages, for error details: it reports causes as text on stderr.
    static let messages = Mutex<[String]>([])

    /// Routes Leptonica's messages into ``messages`` (`leptSetStderrHandler`); call once.
    static let installMessageHandler: Void = {
        leptSetStderrHandler { text in
            guard let text else { return }
            let line = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
            LeptonicaCalls.messages.withLock { list in
                list.append(line)
                if list.count > 32 { list.removeFirst(list.count - 32) }
            }
        }
    }()

    /// `pixReadHeader`: size and depth of the first image in a file.
    static func readHeader(path: String) -> Header? {
        _ = installMessageHandler
        var format: Int32 = 0, width: Int32 = 0, height: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, colormap: Int32 = 0
        let status = pixReadHeader(path, &format, &width, &height, &bps, &spp, &colormap)
        guard status == 0 else { return nil }
        return Header(width: Int(width), height: Int(height), bitsPerSample: Int(bps), samplesPerPixel: Int(spp), hasColormap: colormap != 0)
    }

    /// `tiffGetCount`: the number of images (pages) in a TIFF file.
    static func tiffPageCount(path: String) -> Int? {
        _ = installMessageHandler
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var count: Int32 = 0
        guard tiffGetCount(file, &count) == 0 else { return nil }
        return Int(count)
    }

    /// `getLeptonicaVersion`: e.g. `leptonica-1.82.0`.
    static func version() -> String {
        guard let text = getLeptonicaVersion() else { return "leptonica" }
        defer { lept_free(text) }
        return String(cString: text)
    }

    // MARK: Decoding

    /// `pixRead`: decodes a single-image file; nil when Leptonica cannot.
    static func read(path: String) -> PixImage? {
        _ = installMessageHandler
        return PixImage(owning: pixRead(path))
    }

    /// `pixReadTiff`: decodes page `index` (0-based) of a TIFF, leaving the other pages unread.
    static func readTIFF(path: String, page index: Int) -> PixImage? {
        _ = installMessageHandler
        return PixImage(owning: pixReadTiff(path, Int32(index)))
    }

    // MARK: Compressed data for PDF

    /// `l_generateCIDataForPdf` on a JPEG or PNG file: the JPEG's bytes unchanged, the PNG's own
    /// zlib data with its row predictors (Leptonica re-encodes only a PNG it cannot pass through,
    /// losslessly). Nil for other formats or when it fails.
    static func passthroughData(path: String) -> EncodedPageImage? {
        _ = installMessageHandler
        var format: Int32 = 0
        guard findFileFormat(path, &format) == 0, format == Int32(IFF_JFIF_JPEG) || format == Int32(IFF_PNG) else { return nil }
        var data: UnsafeMutablePointer<L_COMP_DATA>?
        guard l_generateCIDataForPdf(path, nil, 0, &data) == 0, let made = data else { return nil }
        defer { l_CIDataDestroy(&data) }
        return encoded(made.pointee)
    }

    /// `pixGenerateCIData`: CCITT G4 for a bilevel image, Flate (lossless) for any other.
    static func losslessData(_ image: PixImage) -> EncodedPageImage? {
        _ = installMessageHandler
        let bilevel = pixGetDepth(image.pix) == 1 && pixGetColormap(image.pix) == nil
        var data: UnsafeMutablePointer<L_COMP_DATA>?
        let type = Int32(bilevel ? L_G4_ENCODE : L_FLATE_ENCODE)
        guard pixGenerateCIData(image.pix, type, 0, 0, &data) == 0, let made = data else { return nil }
        defer { l_CIDataDestroy(&data) }
        return encoded(made.pointee)
    }

    /// `pixWrite` as PNM (PBM, PGM or PPM by depth), a colormap removed first
    /// (`pixRemoveColormap`); false when Leptonica cannot.
    static func writePNM(_ image: PixImage, path: String) -> (written: Bool, bilevel: Bool) {
        _ = installMessageHandler
        var source = image
        if pixGetColormap(image.pix) != nil, let plain = PixImage(owning: pixRemoveColormap(image.pix, Int32(REMOVE_CMAP_BASED_ON_SRC))) { source = plain }
        if pixGetDepth(source.pix) != 1 && pixGetDepth(source.pix) != 8 && pixGetDepth(source.pix) != 32, let grey = grey(source) { source = grey }
        let bilevel = pixGetDepth(source.pix) == 1
        return (pixWrite(path, source.pix, Int32(IFF_PNM)) == 0, bilevel)
    }

    private static func encoded(_ data: L_COMP_DATA) -> EncodedPageImage? {
        guard let bytes = data.datacomp, data.nbytescomp > 0, data.w > 0, data.h > 0 else { return nil }
        let encoding: EncodedPageImage.Encoding
        switch data.type {
        case Int32(L_JPEG_ENCODE): encoding = .jpeg
        case Int32(L_G4_ENCODE): encoding = .ccittG4
        case Int32(L_FLATE_ENCODE): encoding = .flate
        default: return nil
        }
        var colour: EncodedPageImage.Colour
        switch data.spp {
        case 3: colour = .rgb
        case 4: colour = .cmyk
        default: colour = .gray
        }
        if data.ncolors > 0, let hex = data.cmapdatahex {
            // "[ /Indexed /DeviceRGB n <rrggbb…> ]" or just "<rrggbb…>": the hex digits between < and >.
            let text = String(cString: hex)
            if let open = text.firstIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
                let digits = Array(text[text.index(after: open)..<close].filter(\.isHexDigit))
                colour = .indexed(palette: stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(digits[$0...$0 + 1]), radix: 16) })
            }
        }
        return EncodedPageImage(
            encoding: encoding, width: Int(data.w), height: Int(data.h), bitsPerComponent: Int(data.bps), colour: colour,
            pngPredictors: data.predictor != 0, blackIs1: data.minisblack != 0, dpi: Int(data.res),
            bytes: Array(UnsafeBufferPointer(start: bytes, count: data.nbytescomp)))
    }

    // MARK: Conversions

    /// `pixAlphaBlendUniform` onto white, then `pixConvertTo8`: any depth, colormap, alpha or
    /// 16-bit sample size becomes 8-bit grey.
    static func grey(_ image: PixImage) -> PixImage? {
        var source = image
        if pixGetSpp(image.pix) == 4, let flattened = PixImage(owning: pixAlphaBlendUniform(image.pix, 0xFFFF_FF00)) {
            source = flattened
        }
        if pixGetDepth(source.pix) == 8 && pixGetColormap(source.pix) == nil { return source }
        return PixImage(owning: pixConvertTo8(source.pix, 0))
    }

    /// The decoded image in a form Tesseract reads as the CLI would: unchanged when it is 1, 8,
    /// 24 or 32 bits without alpha or colormap; alpha flattened onto white (`pixAlphaBlendUniform`),
    /// and colormapped or 2/4/16-bit images converted to 8-bit grey (`pixConvertTo8`).
    static func readable(_ image: PixImage) -> PixImage? {
        let depth = pixGetDepth(image.pix)
        if pixGetSpp(image.pix) == 4 { return grey(image) }
        if pixGetColormap(image.pix) == nil && [1, 8, 24, 32].contains(depth) { return image }
        return grey(image)
    }

    /// `pixScale`: scales both axes by `factor`.
    static func scaled(_ image: PixImage, by factor: Double) -> PixImage? {
        PixImage(owning: pixScale(image.pix, Float(factor), Float(factor)))
    }

    /// `pixWriteMemJpeg`: the image as a baseline JPEG of `quality` (1–100), for previews;
    /// nil when Leptonica cannot write it. The image must be 8-bit grey or 32-bit colour.
    static func jpeg(_ image: PixImage, quality: Int) -> Data? {
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pixWriteMemJpeg(&bytes, &size, image.pix, Int32(quality), 0) == 0, let bytes else { return nil }
        defer { lept_free(bytes) }
        return Data(bytes: bytes, count: size)
    }

    /// `pixScaleBySampling`: every n-th pixel, so the share of dark pixels is kept (unlike
    /// area-averaging, which lightens thin strokes).
    static func sampled(_ image: PixImage, by factor: Double) -> PixImage? {
        PixImage(owning: pixScaleBySampling(image.pix, Float(factor), Float(factor)))
    }

    /// `pixRotateOrth`: rotates by `quarterTurns` × 90° clockwise.
    static func rotated(_ image: PixImage, quarterTurns: Int) -> PixImage? {
        PixImage(owning: pixRotateOrth(image.pix, Int32(((quarterTurns % 4) + 4) % 4)))
    }

    /// `pixFindSkewAndDeskew`: the deskewed image and the angle found (degrees); the input itself
    /// when no skew was found with confidence.
    static func deskewed(_ image: PixImage) -> (image: PixImage, angle: Double) {
        var angle: Float = 0, confidence: Float = 0
        guard let result = PixImage(owning: pixFindSkewAndDeskew(image.pix, 2, &angle, &confidence)) else { return (image, 0) }
        return (result, confidence > 2.5 ? Double(angle) : 0)
    }

    /// `pixBackgroundNormSimple`: evens out uneven illumination (8-bit grey in, 8-bit grey out).
    static func backgroundNormalised(_ image: PixImage) -> PixImage? {
        PixImage(owning: pixBackgroundNormSimple(image.pix, nil, nil))
    }

    /// `pixOtsuAdaptiveThreshold` over tiles of about 300 px: a 1-bit image.
    static func otsu(_ image: PixImage) -> PixImage? {
        var threshold: UnsafeMutablePointer<PIX>?
        var binary: UnsafeMutablePointer<PIX>?
        let tilesX = max(1, Int(pixGetWidth(image.pix)) / 300), tilesY = max(1, Int(pixGetHeight(image.pix)) / 300)
        let sx = Int32(max(16, Int(pixGetWidth(image.pix)) / tilesX)), sy = Int32(max(16, Int(pixGetHeight(image.pix)) / tilesY))
        guard pixOtsuAdaptiveThreshold(image.pix, sx, sy, 0, 0, 0.1, &threshold, &binary) == 0 else { return nil }
        if threshold != nil { pixDestroy(&threshold) }
        return PixImage(owning: binary)
    }

    /// `pixSauvolaBinarizeTiled` with a window sized for 300 dpi text: a 1-bit image.
    static func sauvola(_ image: PixImage, window: Int = 25, factor: Double = 0.35) -> PixImage? {
        var threshold: UnsafeMutablePointer<PIX>?
        var binary: UnsafeMutablePointer<PIX>?
        let tiles = Int32(max(1, Int(pixGetWidth(image.pix)) / 1000))
        guard pixSauvolaBinarizeTiled(image.pix, Int32(window), Float(factor), tiles, tiles, &threshold, &binary) == 0 else { return nil }
        if threshold != nil { pixDestroy(&threshold) }
        return PixImage(owning: binary)
    }

    /// `pixRemoveBorderConnComps`: removes ink touching the image edge (scanner borders).
    static func withoutBorderInk(_ binary: PixImage) -> PixImage? {
        PixImage(owning: pixRemoveBorderConnComps(binary.pix, 8))
    }

    /// `pixConvertTo1` at threshold 128, then `pixCountPixels`: the share of dark pixels.
    static func inkFraction(_ image: PixImage) -> Double {
        let binary = pixGetDepth(image.pix) == 1 ? PixImage(borrowing: image) : PixImage(owning: pixConvertTo1(image.pix, 128))
        guard let binary else { return 0 }
        var count: Int32 = 0
        guard pixCountPixels(binary.pix, &count, nil) == 0 else { return 0 }
        let area = Double(pixGetWidth(binary.pix)) * Double(pixGetHeight(binary.pix))
        return area > 0 ? Double(count) / area : 0
    }

    /// `pixGetWidth`, `pixGetHeight`, `pixGetDepth`, `pixGetXRes`.
    static func geometry(_ image: PixImage) -> (width: Int, height: Int, depth: Int, dpi: Int) {
        (Int(pixGetWidth(image.pix)), Int(pixGetHeight(image.pix)), Int(pixGetDepth(image.pix)), Int(pixGetXRes(image.pix)))
    }
}

/// The single owner of a Leptonica `Pix`: destroyed with `pixDestroy` when released.
final class PixImage: @unchecked Sendable {
    let pix: UnsafeMutablePointer<PIX>
    private let owned: PixImage?

    /// Takes ownership of a freshly made `Pix`; nil for NULL.
    init?(owning pointer: UnsafeMutablePointer<PIX>?) {
        guard let pointer else { return nil }
        pix = pointer
        owned = nil
    }

    /// Shares another owner's `Pix` without taking ownership (kept alive by the reference).
    init(borrowing other: PixImage) {
        pix = other.pix
        owned = other
    }

    deinit {
        guard owned == nil else { return }
        var pointer: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&pointer)
    }
}
