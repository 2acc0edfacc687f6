import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline

/// The text form of an ``AddReport``: a line per file, then a summary.
enum AddReportText {
    static func print(_ report: AddReport) {
        for entry in report.entries {
            switch entry {
            case .registered(let path, let format, let pages, let outcome):
                let kind = format == .text ? "transcript" : "\(format.rawValue), \(pages) page\(pages == 1 ? "" : "s")"
                switch outcome {
                case .added(let first, let count):
                    let range = first.map { count > 1 ? ", pages \($0)–\($0.rawValue + count - 1)" : ", page \($0)" } ?? ""
                    Terminal.out("added      \(path) (\(kind)\(range))")
                case .unchanged:
                    Terminal.out("unchanged  \(path)")
                case .changed(_, true):
                    Terminal.out("updated    \(path) (content changed; its pages will be OCR'd again)")
                case .changed(let previous, false):
                    Terminal.warning("'\(path)': its content changed since it was registered (SHA-256 was \(previous.prefix(12))…) — pass --accept-changes to re-register it and redo its OCR")
                case .duplicateOf(let other):
                    Terminal.warning("'\(path)': same content as \(other), already in this document; skipped")
                case .refused(let error):
                    Terminal.error(error.description)
                }
            case .failed(let error):
                Terminal.error(error.description)
            case .skipped(let path, let reason):
                Terminal.note("skipped    \(path) (\(reason))")
            }
        }
        let failed = report.failures.count
        let verb = report.created ? "Registered" : "Updated"
        var summary = "\(verb) document '\(report.document)': \(report.registeredCount) file\(report.registeredCount == 1 ? "" : "s") registered"
        if failed > 0 { summary += ", \(failed) failed" }
        if !report.unacceptedChanges.isEmpty { summary += ", \(report.unacceptedChanges.count) changed and left as registered" }
        if report.registeredCount == 0 && report.created == false {
            summary = "Nothing registered for '\(report.document)'" + (failed > 0 ? ": \(failed) file\(failed == 1 ? "" : "s") failed" : "")
            let skipped = report.skipped.count
            if skipped > 0 {
                summary += "\(failed > 0 ? "," : ":") \(skipped) path\(skipped == 1 ? "" : "s") skipped (listed above)"
                if report.entries.contains(where: { if case .skipped(_, let reason) = $0 { reason.contains("--recursive") } else { false } }) {
                    summary += "; pass --recursive to register the files in subfolders"
                }
            }
            Terminal.note(summary + ".")
            return
        }
        Terminal.note(summary + ". See 'quire status \(report.document)'.")
    }
}

/// The JSON form of an ``AddReport``.
struct AddReportJSON: Encodable {
    struct File: Encodable {
        var path: String
        var status: String
        var format: String?
        var pages: Int?
        var firstPage: Int?
        var error: ErrorJSON?
    }

    var document: String
    var created: Bool
    var files: [File]

    init(_ report: AddReport) {
        document = report.document.rawValue
        created = report.created
        files = report.entries.map { entry in
            switch entry {
            case .registered(let path, let format, let pages, let outcome):
                var file = File(path: path, status: "", format: format.rawValue, pages: pages)
                switch outcome {
                case .added(let first, _): file.status = "added"; file.firstPage = first?.rawValue
                case .unchanged: file.status = "unchanged"
                case .changed(_, let accepted): file.status = accepted ? "updated" : "changed"
                case .duplicateOf: file.status = "duplicate"
                case .refused(let error): file.status = "failed"; file.error = ErrorJSON(error)
                }
                return file
            case .failed(let error):
                return File(path: error.context.file ?? "", status: "failed", error: ErrorJSON(error))
            case .skipped(let path, _):
                return File(path: path, status: "skipped")
            }
        }
    }
}

/// An error as JSON: code, message, remedy and where.
struct ErrorJSON: Encodable {
    var code: String
    var message: String
    var remedy: String
    var file: String?
    var page: Int?

    init(_ error: any QuireError) {
        code = error.code.rawValue
        message = error.message
        remedy = error.remedy
        file = error.context.file
        page = error.context.page
    }
}
