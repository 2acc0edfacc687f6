import Foundation
public import QuireCore

/// ProofreadPage's JSON form of a Page: (content model `proofread-page`, format
/// `application/json`), which pywikibot uses to save.
extension PageContent {
    /// `{"header":"…","body":"…","footer":"…","level":{"level":N,"user":"Name"}}`, byte for byte as
    /// PHP's `json_encode` writes it (`PageContentHandler::serializeContentInJson`): `/` escaped as
    /// `\/`, every non-ASCII character as a lowercase `\uXXXX` (surrogate pairs beyond the BMP), and
    /// `"user":null` when no user is set.
    public var json: String {
        let user = user.isEmpty ? "null" : PHPJSON.quoted(user)
        return "{\"header\":\(PHPJSON.quoted(header)),\"body\":\(PHPJSON.quoted(body)),\"footer\":\(PHPJSON.quoted(footer)),\"level\":{\"level\":\(level.rawValue),\"user\":\(user)}}"
    }

    /// Reads the JSON form as ProofreadPage does (`unserializeContentInJson`): `header`, `body`,
    /// `footer` and `level.level` are required, `level.user` may be absent or null. The parts are
    /// kept exactly, untrimmed.
    public init(json: String) throws(WikitextError) {
        let decoded: SerialisedPage
        do {
            decoded = try JSONDecoder().decode(SerialisedPage.self, from: Data(json.utf8))
        } catch let error as DecodingError {
            throw .invalidJSON(Self.reason(error))
        } catch {
            throw .invalidJSON("it is not JSON")
        }
        guard let level = PageQuality(rawValue: decoded.level.level) else { throw .invalidJSON("'level.level' is not a level from 0 to 4") }
        self.init(untrimmedHeader: decoded.header, body: decoded.body, footer: decoded.footer, level: level, user: decoded.level.user ?? "")
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "the '\(key.stringValue)' entry is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "the '\(context.codingPath.map(\.stringValue).joined(separator: "."))' entry has the wrong type"
        case .dataCorrupted: "it is not a JSON object"
        @unknown default: "it is not a JSON object"
        }
    }
}

/// The JSON object's shape.
private struct SerialisedPage: Decodable {
    struct Level: Decodable {
        let level: Int
        let user: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let number = try? container.decode(Int.self, forKey: .level) {
                level = number
            } else if let text = try? container.decode(String.self, forKey: .level), let number = Int(text) {
                level = number  // PHP accepts a numeric string
            } else {
                throw DecodingError.typeMismatch(Int.self, .init(codingPath: container.codingPath + [CodingKeys.level], debugDescription: "not a level"))
            }
            user = try container.decodeIfPresent(String.self, forKey: .user)
        }

        enum CodingKeys: String, CodingKey { case level, user }
    }

    let header: String
    let body: String
    let footer: String
    let level: Level
}

/// PHP's `json_encode` of a string with default flags.
enum PHPJSON {
    /// The string in double quotes, escaped as PHP does; with `unescapedUnicode`
    /// (`JSON_UNESCAPED_UNICODE`) non-ASCII characters stay as they are, except U+2028 and U+2029.
    static func quoted(_ text: String, unescapedUnicode: Bool = false) -> String {
        var out = "\""
        if unescapedUnicode {
            for scalar in text.unicodeScalars {
                if scalar.isASCII || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(quoted(String(scalar)).dropFirst().dropLast())
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x2F: out += "\\/"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x20...0x7F: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default: out += "\\u" + hex4(unit)
            }
        }
        return out + "\""
    }

    private static func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
