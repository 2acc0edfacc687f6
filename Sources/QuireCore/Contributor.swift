/// What a person did for an edition; each contribution has its own copyright term.
public enum ContributorRole: String, CaseIterable, Sendable, Codable {
    case author
    case translator
    case editor
    case illustrator
}

/// Whether and when a known person died.
public enum DeathStatus: Hashable, Sendable, Codable {
    /// Died on this date, to its precision.
    case died(HistoricalDate)
    /// Known to be alive.
    case living
    /// The person is known but not whether or when they died.
    case unknown
}

/// Who a contributor is, as far as is known. "Author not found" is not "anonymous".
public enum ContributorIdentity: Hashable, Sendable, Codable {
    /// A named person with what is known of their life.
    case person(name: String, born: HistoricalDate?, death: DeathStatus)
    /// The work was published without a name (or under a pseudonym never resolved).
    case anonymous
    /// Somebody made it, but who is not known to us: a gap in research, not a fact.
    case unknown
}

/// One contributor to a document: a role and an identity.
public struct Contributor: Hashable, Sendable, Codable {
    /// What they did.
    public var role: ContributorRole
    /// Who they are.
    public var identity: ContributorIdentity

    public init(role: ContributorRole, identity: ContributorIdentity) {
        self.role = role
        self.identity = identity
    }

    /// The display name: the person's name, or "Anonymous" / "Unknown".
    public var displayName: String {
        switch identity {
        case .person(let name, _, _): name
        case .anonymous: "Anonymous"
        case .unknown: "Unknown"
        }
    }

    /// The contributor as one phrase: `Salvador Allende (1908–1973)`, `Jane Doe (b. 1950)`,
    /// `anonymous`, `unknown`.
    public var summary: String {
        switch identity {
        case .anonymous: return "anonymous"
        case .unknown: return "unknown"
        case .person(let name, let born, let death):
            let bornText = born?.description ?? ""
            switch death {
            case .died(let date): return "\(name) (\(bornText)–\(date))"
            case .living: return "\(name) (\(bornText)–, living)"
            case .unknown: return born.map { "\(name) (b. \($0))" } ?? name
            }
        }
    }

    /// The contributor as ``parse(_:role:)`` reads it back unchanged (``summary`` is for
    /// reading and marks a living person `, living`): `Name (1908–1973)`, `Name (–1930)`,
    /// `Name (1950–)` or `Name (?–)` for a living person, `Name (1950–?)`, `Name`, `anonymous`, `unknown`.
    public var parseableText: String {
        switch identity {
        case .anonymous: return "anonymous"
        case .unknown: return "unknown"
        case .person(let name, let born, let death):
            switch death {
            case .died(let date): return "\(name) (\(born?.description ?? "")–\(date))"
            case .living: return "\(name) (\(born?.description ?? "?")–)"
            case .unknown: return born.map { "\(name) (\($0)–?)" } ?? name
            }
        }
    }

    /// Parses `Salvador Allende (1908–1973)`, `Jane Doe (b. 1950)`, `X (1890s–c. 1950)`,
    /// `Someone (1901–)` (living), `Someone (1901–?)` (death unknown), `Someone` (dates unknown),
    /// `anonymous` and `unknown`. Throws a ``CoreError`` that names what it could not read.
    public static func parse(_ text: String, role: ContributorRole) throws(CoreError) -> Contributor {
        try ContributorParser.parse(text, role: role)
    }
}
