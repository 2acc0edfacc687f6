import QuireCatalogue
import QuireCore

/// What the page editor receives: everything to show and edit one page (JSON).
struct PageView: Codable, Sendable {
    struct WordBox: Codable, Sendable {
        var text: String
        /// x, y, width, height in the scan's pixels.
        var box: [Int]?
        /// 0–1, nil when the engine gave none.
        var confidence: Double?
    }

    struct Fields: Codable, Sendable {
        var header: String
        var body: String
        var footer: String
        var level: Int
    }

    struct RevisionView: Codable, Sendable {
        var id: Int64
        var fields: Fields
        var levelUser: String
        var user: String
        var baseRevision: Int64?
        var createdAt: String
    }

    struct DraftView: Codable, Sendable {
        var fields: Fields
        var baseRevision: Int64?
        var savedAt: String
    }

    var document: String
    var title: String
    var number: Int
    var pageCount: Int
    var previous: Int?
    var next: Int?
    /// The scan's URL, nil when the browser cannot show its format.
    var image: String?
    var width: Int
    var height: Int
    var words: [WordBox]
    /// What the tools made of the page (OCR, import or split), as wikitext fields.
    var ocr: Fields
    /// The page's current revision by a person, nil before anyone saved it.
    var current: RevisionView?
    /// The signed-in person's autosaved draft, when there is one.
    var draft: DraftView?
    /// Special characters of the document's wiki, for the palette.
    var palette: [String]
    /// An OCR batch is running on the catalogue (saves may wait for its writes).
    var ocrRunning: Bool
}

extension PageView.Fields {
    init(_ edit: PageEdit) {
        self.init(header: edit.header, body: edit.body, footer: edit.footer, level: edit.level.rawValue)
    }

    /// The edit these fields ask for; nil when the level is not 0–4.
    var edit: PageEdit? {
        PageQuality(rawValue: level).map { PageEdit(header: header, body: body, footer: footer, level: $0) }
    }
}

extension PageView.RevisionView {
    init(_ revision: PageRevision) {
        self.init(
            id: revision.id,
            fields: PageView.Fields(header: revision.header, body: revision.body, footer: revision.footer, level: revision.mark.level.rawValue),
            levelUser: revision.mark.user, user: revision.user, baseRevision: revision.baseRevision, createdAt: revision.createdAt)
    }
}

/// A save, a draft or a replacement asked for by the editor (JSON).
struct SaveRequest: Codable, Sendable {
    var fields: PageView.Fields
    /// The revision the edit started from; nil when it started from the OCR.
    var base: Int64?
}

/// A find-and-replace over a document (JSON).
struct ReplaceRequest: Codable, Sendable {
    var find: String
    var replace: String
    /// The pages to change (after the preview); empty for a preview only.
    var pages: [Int]?
}

/// One page a replacement changes: its current body and the body after.
struct ReplaceChange: Codable, Sendable {
    var number: Int
    var count: Int
    var before: String
    var after: String
}
