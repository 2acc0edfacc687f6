import Foundation
public import QuireCatalogue
public import QuireCore
import QuirePublish

/// A scan file to put on the wiki: its name there and where it is here.
public struct ScanUpload: Sendable, Hashable {
    /// The file name on the wiki, without `File:`.
    public var name: String
    /// The local path.
    public var path: String
}

extension WikiPublication {
    /// The files of `document`'s scan as the generated pages name them: the one file named by
    /// `--wiki-file` (`add --wiki-file`), or each page's own image when the document is a folder
    /// of single images. Throws when the scan is several files but the pages name one.
    public static func scanUploads(of document: DocumentID, catalogue: Catalogue) throws -> [ScanUpload] {
        let metadata = try catalogue.metadata(of: document)
        let pages = try catalogue.pages(of: document)
        let paths = Set(pages.map(\.sourcePath))
        if let name = metadata.wikiFileName {
            guard paths.count == 1, let path = paths.first else {
                throw PipelineError(
                    .invalidInput, "the scan is \(paths.count) files but its pages name one file on the wiki, \(name)",
                    remedy: "combine the files into one PDF or DjVu, or upload the scan by hand", context: ErrorContext(document: document))
            }
            return [ScanUpload(name: name, path: path)]
        }
        return pages.map { ScanUpload(name: ($0.sourcePath as NSString).lastPathComponent, path: $0.sourcePath) }
    }

    /// A file made for the wiki, e.g. the PDF or DjVu of `quire export --format pdf|djvu` with the
    /// catalogue's text as its layer, to upload as the file `document`'s Page: pages name
    /// (`add --wiki-file`). Throws when the document names no such file, when the extensions differ
    /// (the wiki keys pages and handlers on the name), or when the file cannot be read.
    public static func fileUpload(_ path: String, of document: DocumentID, catalogue: Catalogue) throws -> ScanUpload {
        let context = ErrorContext(file: path, document: document)
        guard let name = try catalogue.metadata(of: document).wikiFileName else {
            throw PipelineError(
                .invalidInput, "the document's pages name no file on the wiki, so \(path) has no name there",
                remedy: "add the document with --wiki-file \"NAME.djvu\" (or .pdf), or use --upload-scan for its page images", context: context)
        }
        let ours = (path as NSString).pathExtension.lowercased()
        let theirs = (name as NSString).pathExtension.lowercased()
        guard ours == theirs else {
            throw PipelineError(
                .invalidInput, "\(path) is a .\(ours) file but the pages name \(name)",
                remedy: "export with --format \(theirs.isEmpty ? "pdf or djvu" : theirs), or add the document with a --wiki-file of the file's kind", context: context)
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw PipelineError(.unreadableFile, "cannot read \(path)", remedy: "check the path and its permissions", context: context)
        }
        return ScanUpload(name: name, path: path)
    }

    /// The description page of an uploaded scan: what it is, and the licence templates of the
    /// clearance engine's verdict for the wiki (`PD-US-expired`, `CC-BY-SA-4.0`), or a line saying
    /// that a person must add one when there are none (a document cleared against the engine).
    public static func descriptionText(title: String, document: DocumentID, licenceTemplates: [String]) -> String {
        var text = "Scan of ''\(title)'' for Wikisource (document \(document)), uploaded with Quire.\n\n== Licensing ==\n"
        if licenceTemplates.isEmpty {
            text += "<!-- Quire: no licence template from the clearance engine; a person adds the right one. -->\n"
        } else {
            text += licenceTemplates.map { "{{\($0)}}\n" }.joined()
        }
        return text
    }

    /// Uploads the scan files that are not on the wiki yet (found by SHA-1 first), before the
    /// pages that show them, each with ``descriptionText(title:document:licenceTemplates:)``.
    /// Each result is titled `File:NAME`.
    public func upload(
        _ files: [ScanUpload], title: String, document: DocumentID, licenceTemplates: [String], options: PublicationOptions, chunkSize: Int,
        report: @Sendable (PublicationResult) -> Void
    ) async throws -> [PublicationResult] {
        var results: [PublicationResult] = []
        for file in files {
            var result = PublicationResult(title: "File:" + file.name, pageNumber: nil, action: .failed)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                result.flag = .refused
                result.detail = "cannot read \(file.path)"
                results.append(result)
                report(result)
                continue
            }
            if options.dryRun {
                let existing = try await client.files(withSHA1: SHA1.hex(of: data))
                result.action = existing.isEmpty ? .wouldCreate : .alreadyPublished
                result.detail = existing.first.map { "already on the wiki as File:\($0)" }
            } else {
                let text = Self.descriptionText(title: title, document: document, licenceTemplates: licenceTemplates)
                switch try await client.upload(name: file.name, data: data, comment: options.summary, text: text, chunkSize: chunkSize) {
                case .uploaded(let name):
                    result.action = .created
                    result.title = "File:" + name
                case .alreadyThere(let name):
                    result.action = .alreadyPublished
                    result.detail = "already on the wiki as File:\(name)"
                case .refused(let code, let info):
                    result.action = code == "fileexists" ? .skipped : .failed
                    result.flag = code == "fileexists" ? .exists : .refused
                    result.detail = "\(code): \(info)"
                }
            }
            results.append(result)
            report(result)
        }
        return results
    }
}
