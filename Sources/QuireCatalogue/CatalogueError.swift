public import QuireCore

/// Marks errors of the catalogue.
public enum CatalogueDomain: ErrorDomain {}
/// An error of the catalogue: missing, too new, damaged, busy, or a request that contradicts it.
public typealias CatalogueError = DomainError<CatalogueDomain>

extension DomainError where Domain == CatalogueDomain {
    static func notFound(searchedFrom directory: String) -> CatalogueError {
        CatalogueError(
            .catalogueNotFound, "no Quire catalogue (quire.sqlite) in \(directory) or any folder above it",
            remedy: "run 'quire init' in the folder that should hold the catalogue, or pass --catalogue PATH or set QUIRE_CATALOGUE")
    }

    static func missingFile(_ path: String) -> CatalogueError {
        CatalogueError(
            .catalogueNotFound, "the catalogue \(path) does not exist",
            remedy: "check the path, or create it with 'quire init --catalogue \(path)'")
    }

    static func documentNotFound(_ id: DocumentID) -> CatalogueError {
        CatalogueError(
            .documentNotFound, "no document '\(id)' in the catalogue",
            remedy: "list the documents with 'quire status', or register it with 'quire add'", context: ErrorContext(document: id))
    }

    /// A catalogue whose schema has migrations this version does not know.
    static func tooNew(_ path: String) -> CatalogueError {
        CatalogueError(
            .catalogueTooNew, "\(path) was written by a newer version of Quire (its schema has migrations this version does not know)",
            remedy: "upgrade Quire to the version that wrote it; this version will not touch it")
    }

    /// A history entry whose `field` holds a line break, an escape sequence or another control.
    public static func controlCharacters(in field: String, document: DocumentID) -> CatalogueError {
        CatalogueError(
            .invalidArgument, "the \(field) of a clearance entry holds a line break, an escape sequence or another control character",
            remedy: "write it on one line, as plain text", context: ErrorContext(document: document))
    }
}
