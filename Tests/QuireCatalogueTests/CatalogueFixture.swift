import QuireCatalogue
import QuireCore
import QuireTestSupport

/// A fresh catalogue in a temporary folder holding one registered document of one TIFF.
struct CatalogueFixture {
    let folder: TemporaryDirectory
    let catalogue: Catalogue

    init(document id: DocumentID, pages: Int) throws {
        folder = try TemporaryDirectory()
        catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        let source = SourceCandidate(absolutePath: folder.file("scan.tif"), sha256: String(repeating: "a", count: 64), byteSize: 10, format: .tiff, pageCount: pages)
        _ = try catalogue.register(id, metadata: CatalogueTests.metadata(), sources: [source])
    }
}
