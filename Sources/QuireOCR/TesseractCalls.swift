import CTesseract

/// Every call into Tesseract made by this module, in one place.
enum TesseractCalls {
    /// `TessVersion`: the library's version, e.g. `5.3.0`.
    static func version() -> String {
        guard let text = TessVersion() else { return "unknown" }
        return String(cString: text)
    }
}
