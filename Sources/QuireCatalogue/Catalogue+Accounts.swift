public import QuireCore
public import Foundation
import GRDB

/// A person who may sign in to the proofreading room.
public struct Account: Hashable, Sendable, Codable {
    public var name: String
    public var role: ProofreadingRole
    /// The password's hash (bcrypt); never the password.
    public var passwordHash: String
}

/// A signed-in session, found by the SHA-256 of its cookie.
public struct AccountSession: Hashable, Sendable {
    public var account: Account
    /// The token every state-changing request must carry.
    public var csrfToken: String
    /// ISO 8601.
    public var expiresAt: String
}

extension Catalogue {
    /// Adds an account, or replaces the role and hash of an existing one (`replace`, which also
    /// ends its sessions); throws `invalid_input` when it exists and `replace` is false.
    public func addAccount(name: String, role: ProofreadingRole, passwordHash: String, replace: Bool = false) throws(CatalogueError) {
        let now = timestamp
        try write { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [name]) == true
            if exists && !replace {
                throw CatalogueError(.invalidInput, "the account '\(name)' already exists", remedy: "pass --replace to set its role and password again")
            }
            try db.execute(
                sql: """
                    INSERT INTO account (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash
                    """,
                arguments: [name, role.rawValue, passwordHash, now])
            // A new password ends the account's sessions.
            try db.execute(sql: "DELETE FROM session WHERE account = ?", arguments: [name])
        }
    }

    /// The account called `name`, when it exists.
    public func account(named name: String) throws(CatalogueError) -> Account? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT name, role, password_hash FROM account WHERE name = ?", arguments: [name]).flatMap(Self.account)
        }
    }

    /// Every account, by name.
    public func accounts() throws(CatalogueError) -> [Account] {
        try read { db in try Row.fetchAll(db, sql: "SELECT name, role, password_hash FROM account ORDER BY name").compactMap(Self.account) }
    }

    /// Stores a session for `account`, keyed by the SHA-256 of its secret cookie token.
    public func openSession(account: String, tokenSHA256: String, csrfToken: String, expiresAt: Date) throws(CatalogueError) {
        let now = timestamp
        let expiry = ISO8601DateFormatter().string(from: expiresAt)
        try write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires_at < ?", arguments: [now])
            try db.execute(
                sql: "INSERT INTO session (token_sha256, account, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [tokenSHA256, account, csrfToken, now, expiry])
        }
    }

    /// The live session whose cookie hashes to `tokenSHA256`, nil when unknown or expired.
    public func session(tokenSHA256: String) throws(CatalogueError) -> AccountSession? {
        let now = timestamp
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT account.name, account.role, account.password_hash, session.csrf_token, session.expires_at
                FROM session JOIN account ON account.name = session.account
                WHERE session.token_sha256 = ? AND session.expires_at >= ?
                """, arguments: [tokenSHA256, now]), let account = Self.account(row) else { return nil }
            return AccountSession(account: account, csrfToken: row["csrf_token"], expiresAt: row["expires_at"])
        }
    }

    /// Ends a session.
    public func closeSession(tokenSHA256: String) throws(CatalogueError) {
        try write { db in try db.execute(sql: "DELETE FROM session WHERE token_sha256 = ?", arguments: [tokenSHA256]) }
    }

    static func account(_ row: Row) -> Account? {
        guard let role = ProofreadingRole(rawValue: row["role"]) else { return nil }
        return Account(name: row["name"], role: role, passwordHash: row["password_hash"])
    }
}
