import Foundation

/// How a page image is prepared before Tesseract reads it.
public enum PreprocessMode: String, CaseIterable, Sendable, Codable {
    /// Start with `none`; when the result looks poor, retry with `sauvola` and, failing that, with
    /// the page turned as orientation detection says; keep the best result by confidence.
    case auto
    /// Grey conversion only; Tesseract binarises (Otsu), exactly as the `tesseract` CLI does.
    case none
    /// Deskew and background normalisation; Tesseract binarises.
    case normalize
    /// Deskew, background normalisation, adaptive Otsu, scanner borders removed.
    case otsu
    /// Deskew, background normalisation, Sauvola binarisation, scanner borders removed: recovers
    /// faint or stained pages that Otsu loses.
    case sauvola
}

/// The concrete image operations of each mode (Leptonica through ``LeptonicaCalls``).
enum Preprocessor {
    /// The image Tesseract should read for `mode` (not `auto`), from an 8-bit grey page.
    static func prepare(_ grey: PixImage, mode: PreprocessMode) -> (image: PixImage, note: String) {
        switch mode {
        case .auto, .none:
            return (grey, "none")
        case .normalize:
            let (straight, angle) = LeptonicaCalls.deskewed(grey)
            let even = LeptonicaCalls.backgroundNormalised(straight) ?? straight
            return (even, "normalize" + angleNote(angle))
        case .otsu, .sauvola:
            let (straight, angle) = LeptonicaCalls.deskewed(grey)
            let even = LeptonicaCalls.backgroundNormalised(straight) ?? straight
            let binary = (mode == .otsu ? LeptonicaCalls.otsu(even) : LeptonicaCalls.sauvola(even)) ?? even
            let clean = LeptonicaCalls.geometry(binary).depth == 1 ? (LeptonicaCalls.withoutBorderInk(binary) ?? binary) : binary
            return (clean, mode.rawValue + angleNote(angle))
        }
    }

    private static func angleNote(_ angle: Double) -> String {
        angle == 0 ? "" : String(format: ", deskew %.2f°", angle)
    }
}
