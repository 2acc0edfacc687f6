import Foundation
import QuireCore

/// One case of `quire clearance evaluate`: a JSON object on one line,
///
/// ```json
/// {"id":"x","contributors":[{"role":"author","name":"…","died":1930,"died_precision":"year","anonymous":false}],
///  "published":1925,"unpublished":false,"country":"ES","official":null,"speech":null,"licence":null,
///  "us_notice":null,"us_renewed":null}
/// ```
///
/// - `id` is required. Every other key may be omitted, which means the same as `null` (unknown);
///   omitted `contributors` is an empty list (author unknown), omitted `unpublished` is false.
/// - Unknown keys are rejected, at the top level and in contributors, so that a misspelt fact
///   (`"speach"`) never silently becomes an unknown one.
/// - Contributors: `role` (`author|translator|editor|illustrator`, required); `name` (absent,
///   null or empty: the contributor is not identified, which is not anonymous); `anonymous`
///   (true: published without a name); `died` (a year, or null: death unknown);
///   `died_precision` (`year|decade|century|unknown`, default `year`; `unknown` means the death
///   date is unknown whatever `died` says).
/// - `published` is a year of first publication; `unpublished: true` with a `published` year is
///   a contradiction and rejected.
public struct ClearanceCase: Hashable, Sendable, Decodable {
    /// The caller's id for the case, echoed in the output.
    public var id: String
    /// The facts to evaluate.
    public var facts: ClearanceFacts

    /// A case from its parts.
    public init(id: String, facts: ClearanceFacts) {
        self.id = id
        self.facts = facts
    }

    /// A field that cannot be used, with its path (`contributors[0].died`).
    struct FieldError: Error {
        var path: String
        var message: String
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let keys = [
        "id", "contributors", "published", "unpublished", "created", "created_precision", "country", "official", "speech", "licence",
        "us_notice", "us_renewed",
    ]
    static let contributorKeys = ["role", "name", "died", "died_precision", "anonymous"]

    /// The dotted path of a coding path: `contributors[0].died`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    static func rejectUnknownKeys(_ container: KeyedDecodingContainer<Key>, allowed: [String]) throws {
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !allowed.contains(key.stringValue) {
            throw FieldError(
                path: path(container.codingPath + [key]),
                message: "unknown key '\(key.stringValue)' (known keys: \(allowed.joined(separator: ", ")))")
        }
    }

    /// Decodes an optional enumeration value from its raw string, naming the allowed values.
    static func decodeEnum<T: RawRepresentable & CaseIterable>(
        _ type: T.Type, _ container: KeyedDecodingContainer<Key>, _ name: String
    ) throws -> T? where T.RawValue == String {
        guard let text = try container.decodeIfPresent(String.self, forKey: Key(name)) else { return nil }
        guard let value = T(rawValue: text) else {
            throw FieldError(
                path: path(container.codingPath + [Key(name)]),
                message: "'\(text)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// Decodes one input object; throws an error naming the field it cannot use.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        try Self.rejectUnknownKeys(container, allowed: Self.keys)
        guard let id = try container.decodeIfPresent(String.self, forKey: Key("id")) else {
            throw FieldError(path: "id", message: "the case has no id")
        }
        var contributors: [Contributor] = []
        if try container.contains(Key("contributors")) && !container.decodeNil(forKey: Key("contributors")) {
            var list = try container.nestedUnkeyedContainer(forKey: Key("contributors"))
            while !list.isAtEnd {
                contributors.append(try list.decode(ContributorInput.self).contributor)
            }
        }
        let published = try container.decodeIfPresent(Int.self, forKey: Key("published"))
        let unpublished = try container.decodeIfPresent(Bool.self, forKey: Key("unpublished")) ?? false
        if unpublished, let published {
            throw FieldError(path: "unpublished", message: "the case is marked unpublished but has a publication year (\(published))")
        }
        var created: HistoricalDate?
        if let year = try container.decodeIfPresent(Int.self, forKey: Key("created")) {
            switch try Self.decodeEnum(DeathPrecisionInput.self, container, "created_precision") ?? .year {
            case .year: created = HistoricalDate(year: year)
            case .decade: created = HistoricalDate(year: year, precision: .decade)
            case .century: created = HistoricalDate(year: year, precision: .century)
            case .unknown: created = nil
            }
        }
        var country: CountryCode?
        if let text = try container.decodeIfPresent(String.self, forKey: Key("country")) {
            guard let code = CountryCode(text) else {
                throw FieldError(path: "country", message: "'\(text)' is not an ISO 3166-1 alpha-2 country code")
            }
            country = code
        }
        var licence: Licence?
        if let text = try container.decodeIfPresent(String.self, forKey: Key("licence")) {
            guard let parsed = Licence(text) else {
                throw FieldError(path: "licence", message: "'\(text)' is not a known licence id or URL (e.g. CC-BY-SA-4.0)")
            }
            licence = parsed
        }
        self.id = id
        self.facts = ClearanceFacts(
            contributors: contributors,
            publication: Publication(date: published.map { HistoricalDate(year: $0) }, country: country, unpublished: unpublished, created: created),
            official: try Self.decodeEnum(OfficialWork.self, container, "official"),
            speech: try Self.decodeEnum(SpeechVenue.self, container, "speech"),
            licence: licence,
            usNotice: try container.decodeIfPresent(Bool.self, forKey: Key("us_notice")),
            usRenewed: try container.decodeIfPresent(Bool.self, forKey: Key("us_renewed")))
    }
}

/// The precision of a `died` year in the input.
enum DeathPrecisionInput: String, CaseIterable {
    case year, decade, century, unknown
}

/// One contributor object of the input.
struct ContributorInput: Decodable {
    var contributor: Contributor

    init(from decoder: any Decoder) throws {
        typealias Key = ClearanceCase.Key
        let container = try decoder.container(keyedBy: Key.self)
        try ClearanceCase.rejectUnknownKeys(container, allowed: ClearanceCase.contributorKeys)
        guard let role = try ClearanceCase.decodeEnum(ContributorRole.self, container, "role") else {
            throw ClearanceCase.FieldError(path: ClearanceCase.path(container.codingPath + [Key("role")]), message: "the contributor has no role")
        }
        let name = try container.decodeIfPresent(String.self, forKey: Key("name"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let anonymous = try container.decodeIfPresent(Bool.self, forKey: Key("anonymous")) ?? false
        let died = try container.decodeIfPresent(Int.self, forKey: Key("died"))
        let precision = try ClearanceCase.decodeEnum(DeathPrecisionInput.self, container, "died_precision") ?? .year
        let death: DeathStatus
        switch (died, precision) {
        case (nil, _), (_, .unknown): death = .unknown
        case (let year?, .year): death = .died(HistoricalDate(year: year))
        case (let year?, .decade): death = .died(HistoricalDate(year: year, precision: .decade))
        case (let year?, .century): death = .died(HistoricalDate(year: year, precision: .century))
        }
        if anonymous {
            contributor = Contributor(role: role, identity: .anonymous)
        } else if name.isEmpty {
            contributor = Contributor(role: role, identity: .unknown)
        } else {
            contributor = Contributor(role: role, identity: .person(name: name, born: nil, death: death))
        }
    }
}
