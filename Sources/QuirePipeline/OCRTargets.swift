import Foundation
public import QuireCore

/// What the arguments of `quire ocr` name, decided the way `tesseract IMG -` users expect: `-`
/// is standard input (an image or PDF) or, after a file, standard output (where the text goes
/// anyway); a path that exists is a file; a name that is neither a file nor a document of the
/// catalogue is a missing file ("no such file: typo.jpg"), never a catalogue error; a file is
/// never taken for a document, nor a document for a file.
public enum OCRTargets: Equatable, Sendable {
    /// Files to read without a catalogue, in the order given.
    case files([FileArgument])
    /// Catalogue documents to OCR.
    case documents([DocumentID])

    /// One file argument.
    public enum FileArgument: Equatable, Sendable {
        /// A file that exists, as the user named it.
        case path(String)
        /// `-` read as an image or PDF from standard input.
        case standardInput
        /// A name that is neither a file nor a document: reported, not read.
        case missing(String)

        /// What a missing file says: `no such file: typo.jpg`, with what to do.
        public var error: (any QuireError)? {
            guard case .missing(let name) = self else { return nil }
            return PipelineError(
                .unreadableFile, "no such file: \(name)",
                remedy: "check the name (a document of the catalogue is named by its slug; see 'quire status')")
        }
    }

    /// Sorts `arguments` out. `isDocument` says whether a slug is a document of the catalogue
    /// (always false when there is none); it is asked only for names that are not files.
    public static func resolve(
        _ arguments: [String], workingDirectory: String, isDocument: (DocumentID) throws -> Bool
    ) throws -> OCRTargets {
        var files: [FileArgument] = []
        var documents: [DocumentID] = []
        var unknown: [String] = []
        var readsStandardInput = false
        for (index, argument) in arguments.enumerated() {
            if argument == "-" {
                // `quire ocr IMG -` as `tesseract IMG -`: a last `-` after inputs is standard output.
                if index == arguments.count - 1 && index > 0 { continue }
                guard !readsStandardInput else {
                    throw PipelineError(.invalidArgument, "'-' (standard input) is named twice", remedy: "standard input holds one image or PDF: name it once")
                }
                readsStandardInput = true
                files.append(.standardInput)
                continue
            }
            let path = argument.hasPrefix("/") ? argument : (workingDirectory as NSString).appendingPathComponent(argument)
            if FileManager.default.fileExists(atPath: path) {
                files.append(.path(argument))
            } else if let id = DocumentID(argument), try isDocument(id) {
                documents.append(id)
            } else {
                unknown.append(argument)
                files.append(.missing(argument))
            }
        }
        if documents.isEmpty { return .files(files) }
        let named = files.compactMap { file -> String? in
            switch file {
            case .path(let name): name
            case .standardInput: "-"
            case .missing: nil
            }
        }
        if !named.isEmpty {
            throw PipelineError(
                .invalidArgument,
                "files (\(named.map { "'\($0)'" }.joined(separator: ", "))) and documents (\(documents.map { "'\($0)'" }.joined(separator: ", "))) named together",
                remedy: "OCR files and catalogue documents in separate commands")
        }
        if let first = unknown.first {
            throw PipelineError(
                .documentNotFound, "no document or file '\(first)'",
                remedy: "check the name; 'quire status' lists the documents", context: ErrorContext(file: first))
        }
        return .documents(documents)
    }
}
