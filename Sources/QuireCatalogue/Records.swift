import Foundation
import GRDB
import QuireCore

/// Row types: the catalogue's private mapping of tables to Swift. Public API speaks Core values.
struct DocumentRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "document"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: String
    var title: String
    var languages: String
    var publicationDate: String?
    var publicationPlace: String?
    var country: String?
    var unpublished: Bool
    var createdDate: String?
    var publisher: String?
    var wikiFile: String?
    var createdAt: String
}

struct ContributorRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "contributor"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var documentId: String
    var position: Int
    var role: String
    var kind: String
    var name: String?
    var born: String?
    var death: String
    var died: String?
}

struct SourceFileRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "source_file"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var documentId: String
    var path: String
    var sha256: String
    var byteSize: Int64
    var format: String
    var pageCount: Int
    var addedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct PageRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "page"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var documentId: String
    var number: Int
    var sourceFileId: Int64
    var pageIndex: Int
    var state: String
    var quality: Int?
    var flags: String
    var failures: Int
    var lastError: String?
    var updatedAt: String
}

extension DocumentRow {
    init(id: DocumentID, metadata: DocumentMetadata, createdAt: String) {
        self.id = id.rawValue
        title = metadata.title
        languages = metadata.languages.tesseractString
        publicationDate = metadata.publication.date?.description
        publicationPlace = metadata.publication.place
        country = metadata.publication.country?.rawValue
        unpublished = metadata.publication.unpublished
        createdDate = metadata.publication.created?.description
        publisher = metadata.publisher
        wikiFile = metadata.wikiFileName
        self.createdAt = createdAt
    }

    func metadata(contributors: [Contributor]) -> DocumentMetadata {
        DocumentMetadata(
            title: title, contributors: contributors,
            publication: Publication(
                date: publicationDate.flatMap(HistoricalDate.parse), place: publicationPlace,
                country: country.flatMap(CountryCode.init), unpublished: unpublished,
                created: createdDate.flatMap(HistoricalDate.parse)),
            languages: LanguageSet(languages) ?? LanguageSet([LanguageCode(tesseract: "eng")!]),
            publisher: publisher, wikiFileName: wikiFile)
    }
}

extension ContributorRow {
    init(document: DocumentID, position: Int, contributor: Contributor) {
        documentId = document.rawValue
        self.position = position
        role = contributor.role.rawValue
        switch contributor.identity {
        case .anonymous:
            kind = "anonymous"; death = "unknown"
        case .unknown:
            kind = "unknown"; death = "unknown"
        case .person(let name, let born, let deathStatus):
            kind = "person"
            self.name = name
            self.born = born?.description
            switch deathStatus {
            case .died(let date): death = "died"; died = date.description
            case .living: death = "living"
            case .unknown: death = "unknown"
            }
        }
    }

    var contributor: Contributor? {
        guard let role = ContributorRole(rawValue: role) else { return nil }
        switch kind {
        case "anonymous": return Contributor(role: role, identity: .anonymous)
        case "unknown": return Contributor(role: role, identity: .unknown)
        default:
            let deathStatus: DeathStatus
            switch death {
            case "died": deathStatus = died.flatMap(HistoricalDate.parse).map(DeathStatus.died) ?? .unknown
            case "living": deathStatus = .living
            default: deathStatus = .unknown
            }
            return Contributor(role: role, identity: .person(name: name ?? "", born: born.flatMap(HistoricalDate.parse), death: deathStatus))
        }
    }
}
