import Foundation
import QuireCore

/// One field of an Index page, under the wiki's key.
public struct IndexFieldValue: Hashable, Sendable, Codable {
    /// The wiki's key (`Title`, `Titre`, `TITEL`).
    public let key: String
    /// The value, as wikitext.
    public let value: String
}

/// A generated Index: page.
public struct IndexPage: Hashable, Sendable {
    /// The full title (`Índice:Discurso 1931.pdf`).
    public let title: String
    /// The fields in the profile's order.
    public let fields: [IndexFieldValue]

    /// ProofreadPage's wikitext form (`IndexContentHandler::serializeContentInWikitext`):
    /// `{{:MediaWiki:Proofreadpage_index_template`, then `\n|Key=value` per field, then `\n}}`.
    public var wikitext: String {
        "{{:MediaWiki:Proofreadpage_index_template" + fields.map { "\n|\($0.key)=\($0.value)" }.joined() + "\n}}"
    }

    /// ProofreadPage's JSON form: `{"fields":{…},"categories":[]}` as `json_encode` with
    /// `JSON_UNESCAPED_UNICODE` writes it.
    public var json: String {
        let body = fields.map { PHPJSON.quoted($0.key, unescapedUnicode: true) + ":" + PHPJSON.quoted($0.value, unescapedUnicode: true) }
        return "{\"fields\":" + (fields.isEmpty ? "[]" : "{" + body.joined(separator: ",") + "}") + ",\"categories\":[]}"
    }
}

/// Fills an Index page's fields from the document's metadata and the generated pages.
enum IndexPageBuilder {
    struct Input {
        let document: DocumentMetadata
        let profile: WikiProfile
        let scan: ScanSource
        /// The main page to link from Title, when the scan holds one work.
        let mainPage: String?
        /// `<pagelist … />` or the list of Page: links.
        let pages: String
        let progress: IndexProgress
        /// The Header field: the default header of new pages.
        let defaultHeader: String
    }

    static func build(_ input: Input) -> IndexPage {
        let profile = input.profile
        let document = input.document
        let escape = { (text: String) in WikitextEscaper.escape(text, context: .templateArgument, atLineStart: true) }
        var values: [IndexField: String] = [:]
        if let main = input.mainPage {
            values[.title] = "[[\(main)]]"
        } else {
            values[.title] = escape(document.title)
        }
        values[.author] = people(document.contributors(.author), profile: profile)
        values[.translator] = people(document.contributors(.translator), profile: profile)
        values[.editor] = people(document.contributors(.editor), profile: profile)
        values[.illustrator] = people(document.contributors(.illustrator), profile: profile)
        values[.year] = document.publication.date.map { String($0.year) }
        values[.publisher] = document.publisher.map(escape)
        values[.address] = document.publication.place.map(escape)
        values[.language] = document.languages.primary.iso6391
        values[.source] = sourceFormat(input.scan)
        values[.progress] = profile.progressCodes[input.progress]
        values[.pages] = input.pages
        values[.header] = input.defaultHeader
        let fields = profile.indexFields.map { IndexFieldValue(key: $0.key, value: values[$0.field] ?? "") }
        return IndexPage(title: indexTitle(input.scan, profile: profile), fields: fields)
    }

    /// `[[Author:Name|Name]]` for each person (`[[Name]]` where authors live in the main
    /// namespace), plain names for anonymous or unknown contributors; joined by `, `.
    static func people(_ contributors: [Contributor], profile: WikiProfile) -> String {
        contributors.map { contributor in
            let name = contributor.displayName
            guard case .person = contributor.identity, WikiNames.isValidTitle(name) else {
                return WikitextEscaper.escape(name, context: .templateArgument, atLineStart: false)
            }
            if let namespace = profile.authorNamespace { return "[[\(namespace):\(name)|\(name)]]" }
            return "[[\(name)]]"
        }.joined(separator: ", ")
    }

    /// The Index title: after the file, or after the first image of a set.
    static func indexTitle(_ scan: ScanSource, profile: WikiProfile) -> String {
        switch scan {
        case .file(let name): profile.indexTitle(file: name)
        case .images(let images): profile.indexTitle(file: images.min { $0.key < $1.key }?.value ?? "")
        }
    }

    /// `pdf`, `djvu`, `tif`…: the scan's file type, as the Source field takes it.
    private static func sourceFormat(_ scan: ScanSource) -> String {
        let name: String
        switch scan {
        case .file(let file): name = file
        case .images(let images): name = images.min { $0.key < $1.key }?.value ?? ""
        }
        guard let dot = name.lastIndex(of: "."), dot < name.index(before: name.endIndex) else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The Pages field of an image set: `[[Page:Scan 001.jpg|1]] [[Page:Scan 002.jpg|2]]`,
    /// labelled by printed number where known.
    static func imageLinks(_ images: [PageNumber: String], numbers: [PageNumber: PrintedPageNumber], profile: WikiProfile) -> String {
        images.sorted { $0.key < $1.key }.map { page, image in
            "[[\(profile.pageTitle(image: image))|\(numbers[page]?.text ?? String(page.rawValue))]]"
        }.joined(separator: " ")
    }
}
