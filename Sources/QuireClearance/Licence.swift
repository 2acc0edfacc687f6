import Foundation

/// A licence or rights statement as given by a rights officer: an SPDX-style id
/// (`CC-BY-SA-4.0`), a Creative Commons URL, or a rightsstatements.org URL.
public struct Licence: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What kind of permission it grants, which decides where it is accepted.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case publicDomainDedication = "cc0"
        case publicDomainMark = "pdm"
        case attribution = "by"
        case attributionShareAlike = "by-sa"
        case nonCommercial = "nc"
        case noDerivatives = "nd"
        case gfdlOnly = "gfdl"
        case permissive = "permissive"
        case governmentOpen = "ogl"
        case rightsStatement = "rights-statement"
    }

    /// The normalised id, e.g. `CC-BY-SA-4.0`, `CC0-1.0`, `InC` (rightsstatements.org).
    public let id: String
    /// What kind of permission it grants.
    public let kind: Kind

    /// Parses an SPDX-style id, a creativecommons.org URL or a rightsstatements.org URL.
    /// Returns nil when the text is none of these.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let parsed = Self.fromURL(trimmed) ?? Self.fromIdentifier(trimmed) {
            self = parsed
        } else {
            return nil
        }
    }

    private init(id: String, kind: Kind) {
        self.id = id
        self.kind = kind
    }

    /// The normalised id.
    public var description: String { id }

    /// Whether the licence forbids commercial use or derivatives (rejected by every Wikimedia project).
    public var isRestrictive: Bool { kind == .nonCommercial || kind == .noDerivatives || kind == .gfdlOnly || kind == .rightsStatement }

    /// The licence's legal code on the web, for the free licences a release may carry
    /// (Creative Commons, Apache, UK OGL); nil for statements and unknown versions.
    public var legalCodeURL: String? {
        if let url = Self.legalCode[id] { return url }
        guard id.hasPrefix("CC-BY") || id.hasPrefix("CC0-") else { return nil }
        let parts = id.split(separator: "-")
        guard let version = parts.last, version.contains(".") else { return nil }
        if id.hasPrefix("CC0-") { return "https://creativecommons.org/publicdomain/zero/\(version)/legalcode" }
        let terms = parts.dropFirst().dropLast().map { $0.lowercased() }.joined(separator: "-")
        return "https://creativecommons.org/licenses/\(terms)/\(version)/legalcode"
    }

    /// Legal codes not derived from a Creative Commons id (data).
    static let legalCode: [String: String] = [
        "Apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0",
        "OGL-UK-3.0": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    ]

    /// Licence ids accepted as they are, by kind (data: see `clearance-rules.md`).
    static let identifiers: [String: Kind] = [
        "CC0-1.0": .publicDomainDedication, "PDM-1.0": .publicDomainMark,
        "CC-BY-1.0": .attribution, "CC-BY-2.0": .attribution, "CC-BY-2.5": .attribution, "CC-BY-3.0": .attribution, "CC-BY-4.0": .attribution,
        "CC-BY-SA-1.0": .attributionShareAlike, "CC-BY-SA-2.0": .attributionShareAlike, "CC-BY-SA-2.5": .attributionShareAlike,
        "CC-BY-SA-3.0": .attributionShareAlike, "CC-BY-SA-4.0": .attributionShareAlike,
        "APACHE-2.0": .permissive, "OGL-UK-3.0": .governmentOpen,
        "GFDL-1.2-ONLY": .gfdlOnly, "GFDL-1.3-ONLY": .gfdlOnly, "GFDL-1.2": .gfdlOnly, "GFDL-1.3": .gfdlOnly,
    ]

    private static func fromIdentifier(_ text: String) -> Licence? {
        let upper = text.uppercased()
        if let kind = identifiers[upper] {
            return Licence(id: canonical(upper), kind: kind)
        }
        // Any CC-BY-NC… or CC-BY-…-ND… version: restrictive.
        if upper.hasPrefix("CC-BY-NC") { return Licence(id: canonical(upper), kind: .nonCommercial) }
        if upper.hasPrefix("CC-BY-ND") { return Licence(id: canonical(upper), kind: .noDerivatives) }
        return nil
    }

    private static func canonical(_ upper: String) -> String {
        upper.replacingOccurrences(of: "APACHE", with: "Apache").replacingOccurrences(of: "-ONLY", with: "-only")
    }

    private static func fromURL(_ text: String) -> Licence? {
        guard let url = URL(string: text), let host = url.host?.lowercased() else { return nil }
        let parts = url.path.split(separator: "/").map { $0.lowercased() }
        if host.hasSuffix("creativecommons.org") {
            if parts.count >= 3, parts[0] == "publicdomain", parts[1] == "zero" { return Licence(id: "CC0-\(parts[2])", kind: .publicDomainDedication) }
            if parts.count >= 2, parts[0] == "publicdomain", parts[1] == "mark" { return Licence(id: "PDM-1.0", kind: .publicDomainMark) }
            guard parts.count >= 3, parts[0] == "licenses" else { return nil }
            return fromIdentifier("CC-\(parts[1].uppercased())-\(parts[2])")
        }
        if host.hasSuffix("rightsstatements.org"), parts.count >= 2, parts[0] == "vocab" {
            return Licence(id: url.pathComponents.count > 2 ? url.pathComponents[2] : parts[1], kind: .rightsStatement)
        }
        return nil
    }
}
