public import QuireCore
import Foundation

/// Finds Tesseract's language data: `--tessdata`, else `TESSDATA_PREFIX`, else the usual system
/// folders; and checks that requested languages are installed before a batch starts.
public struct TessdataLocator: Sendable {
    /// Folders searched when nothing is given, newest Tesseract first.
    public static let systemFolders = [
        "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata",
    ]

    /// The folder in use.
    public let folder: String

    /// Chooses the folder: `explicit` when given (it must exist), else `TESSDATA_PREFIX`, else the
    /// first system folder that holds any traineddata.
    public init(explicit: String?, environment: [String: String]) throws(OCRError) {
        if let explicit {
            guard Self.isFolder(explicit) else {
                throw OCRError(.missingDependency, "the tessdata folder \(explicit) does not exist", remedy: "pass the folder holding *.traineddata files to --tessdata")
            }
            folder = explicit
            return
        }
        if let prefix = environment["TESSDATA_PREFIX"], !prefix.isEmpty {
            let candidates = [prefix, (prefix as NSString).appendingPathComponent("tessdata")]
            if let found = candidates.first(where: { !Self.languages(in: $0).isEmpty }) {
                folder = found
                return
            }
        }
        guard let found = Self.systemFolders.first(where: { !Self.languages(in: $0).isEmpty }) else {
            throw OCRError(
                .missingDependency, "no Tesseract language data found (looked in TESSDATA_PREFIX and \(Self.systemFolders.joined(separator: ", ")))",
                remedy: "install tesseract-ocr and a language package such as tesseract-ocr-spa, or pass --tessdata DIR")
        }
        folder = found
    }

    /// The languages installed in the folder, sorted.
    public var installedLanguages: [LanguageCode] { Self.languages(in: folder) }

    /// Throws `missing_dependency` for the first requested language without traineddata, naming
    /// the package to install.
    public func requireInstalled(_ languages: LanguageSet) throws(OCRError) {
        let installed = Set(installedLanguages)
        for language in languages.languages where !installed.contains(language) {
            throw OCRError(
                .missingDependency, "language data '\(language)' is not installed in \(folder)",
                remedy: Self.remedy(for: language))
        }
    }

    /// What to do about a missing model: its Debian package when Tesseract publishes it, else
    /// the code meant (`es` → "did you mean spa?"), never a package that does not exist.
    static func remedy(for language: LanguageCode) -> String {
        if TesseractLanguages.isKnown(language) { return "install \(language.debianPackage) or pass --tessdata DIR" }
        if let meant = TesseractLanguages.suggestion(for: language.tesseractCode) {
            return "'\(language)' is not a Tesseract language code: did you mean \(meant)?"
        }
        return "'\(language)' is not a language Tesseract publishes: use its codes (spa, deu, fra…; 'tesseract --list-langs' lists those installed) or pass --tessdata DIR with your own model"
    }

    private static func languages(in folder: String) -> [LanguageCode] {
        var found: [LanguageCode] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".traineddata") {
            if let code = LanguageCode(tesseract: String(name.dropLast(".traineddata".count))) { found.append(code) }
        }
        let scriptFolder = (folder as NSString).appendingPathComponent("script")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: scriptFolder)) ?? [] where name.hasSuffix(".traineddata") {
            if let code = LanguageCode(tesseract: "script/" + String(name.dropLast(".traineddata".count))) { found.append(code) }
        }
        return found.sorted()
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
