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
}
