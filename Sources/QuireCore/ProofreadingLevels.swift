/// What a person may do in the proofreading room.
public enum ProofreadingRole: String, CaseIterable, Sendable, Codable {
    /// Proofreads and validates pages.
    case proofreader
    /// Proofreads, and decides clearance (the rights side of the catalogue).
    case rightsOfficer = "rights-officer"
    /// Everything, and may set any level (ProofreadPage's `pagequality-admin` right).
    case admin
}

/// The level a page has and who set it: ProofreadPage's `<pagequality level="N" user="U" />`.
public struct PageLevelMark: Hashable, Sendable, Codable {
    public var level: PageQuality
    /// The account that set the level; empty when a tool set it (OCR, import, split).
    public var user: String

    public init(level: PageQuality, user: String) {
        self.level = level
        self.user = user
    }
}

/// Why a change of level is refused.
public enum LevelRefusal: Hashable, Sendable {
    /// Level 4 needs the page at level 3 or 4 first.
    case validationNeedsProofread(current: PageQuality)
    /// The person who set level 3 cannot also validate the page.
    case validationBySameUser(user: String)

    /// A sentence for the person.
    public var reason: String {
        switch self {
        case .validationNeedsProofread(let current):
            "a page can be validated (level 4) only once it is proofread (level 3); it is at \(current)"
        case .validationBySameUser(let user):
            "'\(user)' set this page to proofread, so another person must validate it"
        }
    }
}

/// ProofreadPage's rules for changing a page's level (`PageLevel::isChangeAllowed` and its tests), as a table:
/// what each target level requires of the page's current mark and of the person. Admins bypass
/// every requirement, as the wiki's `pagequality-admin` right does.
public enum ProofreadingLevels {
    /// What setting a level requires.
    public enum Requirement: Hashable, Sendable {
        /// Anyone signed in may set it.
        case anyone
        /// The page is already at level 3 (set by someone else) or already at 4.
        case proofreadByAnother
    }

    /// The rule of each level: 0, 1, 2, 3 by anyone; 4 from 3 by another person.
    public static let table: [PageQuality: Requirement] = [
        .withoutText: .anyone,
        .notProofread: .anyone,
        .problematic: .anyone,
        .proofread: .anyone,
        .validated: .proofreadByAnother,
    ]

    /// Whether `user` with `role` may move a page marked `current` to `level`; nil when allowed,
    /// else the refusal.
    public static func refusal(from current: PageLevelMark, to level: PageQuality, user: String, role: ProofreadingRole) -> LevelRefusal? {
        if role == .admin { return nil }
        switch table[level, default: .anyone] {
        case .anyone:
            return nil
        case .proofreadByAnother:
            if current.level == .validated { return nil }
            guard current.level == .proofread else { return .validationNeedsProofread(current: current.level) }
            // As ProofreadPage: a level 3 that names nobody counts as set by the person asking.
            return current.user.isEmpty || current.user == user ? .validationBySameUser(user: user) : nil
        }
    }

    /// The mark after a save: the level changes hands only when it changes (a person who edits a
    /// validated page's text without touching its level leaves the validator's name).
    public static func mark(after current: PageLevelMark, level: PageQuality, user: String) -> PageLevelMark {
        level == current.level && !current.user.isEmpty ? current : PageLevelMark(level: level, user: user)
    }
}
