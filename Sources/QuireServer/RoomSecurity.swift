import Foundation
import QuireCore

/// The room's security rules in one place: tokens, cookies, headers, which addresses are local.
enum RoomSecurity {
    /// The session cookie's name.
    static let sessionCookie = "quire_session"
    /// The login form's double-submit cookie (CSRF before there is a session).
    static let loginCookie = "quire_login"
    /// The header that carries the CSRF token on API requests.
    static let csrfHeader = "X-CSRF-Token"
    /// How long a session lasts.
    static let sessionLifetime: TimeInterval = 12 * 3600
    /// The largest request body read (2 MiB of text).
    static let maximumBody = 2 * 1024 * 1024

    /// No inline script or style, nothing from elsewhere, no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// Headers on every response.
    static let headers: [(String, String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cache-Control", "no-store"),
    ]

    /// 32 random bytes (the system's CSPRNG) as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// What the catalogue stores of a session token.
    static func digest(_ token: String) -> String {
        var hash = SHA256()
        hash.update(Array(token.utf8))
        return hash.finalizeHex()
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Strict, path /; `maxAge` 0 deletes it.
    static func cookie(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(maxAge)"
    }

    /// Constant-time comparison of two tokens.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Whether `host` is this machine only (127.0.0.0/8, ::1, localhost).
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
