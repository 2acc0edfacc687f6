/// The versions of the C libraries this module is linked against, for `quire --version` and
/// provenance records.
public enum EngineVersions {
    /// Tesseract's version (`TessVersion`).
    public static var tesseract: String { TesseractCalls.version() }
    /// Leptonica's version (`getLeptonicaVersion`).
    public static var leptonica: String { LeptonicaCalls.version() }
}
