import CLineImageTuning

/// The versions of the C libraries this module is linked against, for `quire --version` and
/// provenance records.
public enum EngineVersions {
    /// Tesseract's version (`TessVersion`).
    public static var tesseract: String { TesseractCalls.version() }
    /// Leptonica's version (`getLeptonicaVersion`).
    public static var leptonica: String { LeptonicaCalls.version() }
    /// Whether Tesseract's line images go through PNG store-only in this process (see
    /// `Sources/CLineImageTuning`): true in the `quire` executable unless
    /// `QUIRE_LINE_IMAGE_PNG=default`.
    public static var lineImageTuning: Bool { quire_line_image_tuning_active() != 0 }
}
