public import QuireCatalogue
public import QuireCore
import Foundation
import HummingbirdBcrypt

/// Marks errors of the proofreading room.
public enum ServerDomain: ErrorDomain {}
/// An error of `quire serve` or `quire user`: a bad account name or password, a refused binding.
public typealias ServerError = DomainError<ServerDomain>

/// Accounts of the proofreading room: names, roles and bcrypt hashes in the catalogue.
public struct AccountDesk: Sendable {
    public let catalogue: Catalogue
    /// bcrypt's cost (2^cost rounds); 12 is about a quarter of a second here.
    let cost: UInt8

    public init(catalogue: Catalogue, cost: UInt8 = 12) {
        self.catalogue = catalogue
        self.cost = cost
    }

    /// The shortest password accepted.
    public static let minimumPasswordLength = 10
    /// bcrypt reads 72 bytes of a password; longer ones are refused rather than cut silently.
    public static let maximumPasswordBytes = 72

    /// Adds (or with `replace`, resets) an account. The name follows MediaWiki's user names
    /// (no `# < > [ ] | { } / @ :` nor control characters), so that it can stand in a
    /// `<pagequality user="…">`.
    public func add(name: String, role: ProofreadingRole, password: String, replace: Bool = false) throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard Self.isValidName(trimmed) else {
            throw ServerError(.invalidArgument, "'\(name)' cannot be an account name", remedy: "use 1-85 characters without # < > [ ] | { } / @ : or control characters")
        }
        guard password.count >= Self.minimumPasswordLength else {
            throw ServerError(.invalidArgument, "the password is shorter than \(Self.minimumPasswordLength) characters", remedy: "choose a longer password")
        }
        guard password.utf8.count <= Self.maximumPasswordBytes else {
            throw ServerError(.invalidArgument, "the password is longer than \(Self.maximumPasswordBytes) bytes, which bcrypt cannot use whole", remedy: "choose a shorter password")
        }
        try catalogue.addAccount(name: trimmed, role: role, passwordHash: Bcrypt.hash(password, cost: cost), replace: replace)
    }

    /// The account when `password` is its password; nil otherwise. Unknown names cost a hash
    /// too, so that timing does not tell which names exist.
    public func authenticate(name: String, password: String) throws -> Account? {
        guard let account = try catalogue.account(named: name) else {
            _ = Bcrypt.verify(password, hash: Self.decoyHash)
            return nil
        }
        return Bcrypt.verify(password, hash: account.passwordHash) ? account : nil
    }

    /// Whether `name` may be an account name.
    public static func isValidName(_ name: String) -> Bool {
        guard (1...85).contains(name.count), name == name.trimmingCharacters(in: .whitespaces) else { return false }
        let forbidden = Set("#<>[]|{}/@:\"")
        return !name.contains(where: { forbidden.contains($0) }) && !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    }

    /// A bcrypt hash of a random password nobody knows, for unknown names (made once).
    private static let decoyHash = Bcrypt.hash(RoomSecurity.randomToken(), cost: 12)
}
