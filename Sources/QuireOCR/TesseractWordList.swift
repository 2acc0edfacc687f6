public import QuireCore
import Foundation

/// The words of a Tesseract language model's dictionary, for deciding line-end hyphens
/// (`franco-chilena` stays, `bi-blioteca` joins). Unpacked with `combine_tessdata -u` and
/// `dawg2wordlist` (both from the `tesseract-ocr` package) and cached as a text file keyed by the
/// model's size and date, so the unpacking happens once per model.
public enum TesseractWordList {
    static let combine = ExternalTool(name: "combine_tessdata", package: "tesseract-ocr")
    static let dawg2wordlist = ExternalTool(name: "dawg2wordlist", package: "tesseract-ocr")

    /// The cache folder: `$XDG_CACHE_HOME/quire`, else `~/.cache/quire`.
    public static func defaultCacheFolder(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return (xdg as NSString).appendingPathComponent("quire") }
        return (NSHomeDirectory() as NSString).appendingPathComponent(".cache/quire")
    }

    /// The name that stands for the model of `language` in `tessdata` as it is now (its code,
    /// size and date), for caches built from its words: a new model gets a new name.
    public static func cacheKey(for language: LanguageCode, tessdata: String) throws(OCRError) -> String {
        let model = (tessdata as NSString).appendingPathComponent(language.traineddataFile)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: model),
              let size = (attributes[.size] as? NSNumber)?.int64Value, let date = attributes[.modificationDate] as? Date else {
            throw OCRError(.missingDependency, "language data '\(language)' is not installed", remedy: "install \(language.debianPackage)", context: ErrorContext(file: model))
        }
        return "\(language.tesseractCode.replacingOccurrences(of: "/", with: "-"))-\(size)-\(Int(date.timeIntervalSince1970))"
    }

    /// The dictionary words of `language` in `tessdata` (the LSTM word dawg), one per entry.
    public static func words(for language: LanguageCode, tessdata: String, cacheFolder: String) throws(OCRError) -> [String] {
        let model = (tessdata as NSString).appendingPathComponent(language.traineddataFile)
        let context = ErrorContext(file: model)
        let key = try cacheKey(for: language, tessdata: tessdata) + ".words"
        let cached = (cacheFolder as NSString).appendingPathComponent(key)
        if let text = try? String(contentsOfFile: cached, encoding: .utf8) { return split(text) }

        let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent("quire-dawg-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let prefix = (scratch as NSString).appendingPathComponent("model.")
        let unpacked = try combine.run(["-u", model, prefix], context: context)
        let list = (scratch as NSString).appendingPathComponent("words.txt")
        guard unpacked.status == 0, FileManager.default.fileExists(atPath: prefix + "lstm-word-dawg") else {
            throw OCRError(.invalidInput, "the model has no LSTM word dictionary to read", remedy: "hyphenation will use the document's own words only", context: context)
        }
        let listed = try dawg2wordlist.run([prefix + "lstm-unicharset", prefix + "lstm-word-dawg", list], context: context)
        guard listed.status == 0, let text = try? String(contentsOfFile: list, encoding: .utf8) else {
            throw OCRError(.invalidInput, "the model's word dictionary cannot be listed", remedy: "hyphenation will use the document's own words only", context: context)
        }
        try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        // Foundation's atomic write: a temporary of its own unique name, renamed into place.
        try? Data(text.utf8).write(to: URL(fileURLWithPath: cached), options: .atomic)
        return split(text)
    }

    private static func split(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(String.init)
    }
}
