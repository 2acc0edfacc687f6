public import QuireCore
import Foundation

/// A bot password login (`Name@BotName` and the generated password), from the environment or a
/// file only its owner can read — never from the command line. The password is never printed:
/// `description` and `debugDescription` redact it, and no error message includes it.
public struct BotCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The login name, `Name@BotName`.
    public let user: String
    /// The password; internal so that only the client reads it.
    let password: String

    /// The account's user name, without the bot suffix (`Name`): the name edits are saved under.
    public var accountName: String { user.split(separator: "@", maxSplits: 1).first.map(String.init) ?? user }

    public var description: String { "\(user) (password hidden)" }
    public var debugDescription: String { description }

    /// Credentials given directly (tests, other front ends).
    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// The environment variable holding the password.
    public static let passwordVariable = "QUIRE_BOT_PASSWORD"
    /// The environment variable holding the login name when `--user` is not given.
    public static let userVariable = "QUIRE_BOT_USER"

    /// The login from `user` (else `QUIRE_BOT_USER`, else the file's `user=` line) and the password
    /// from `QUIRE_BOT_PASSWORD`, else from `file` (lines `user=Name@Bot` and `password=…`), which
    /// must belong to the current user and be unreadable by anyone else (mode 600 or 400).
    public static func load(user: String?, file: String?, environment: [String: String]) throws(PublishError) -> BotCredentials {
        var fileValues: [String: String] = [:]
        if let file { fileValues = try readFile(file) }
        guard let login = [user, environment[userVariable], fileValues["user"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw PublishError(.loginFailed, "no bot login name given", remedy: "pass --user Name@BotName (made at Special:BotPasswords) or set \(userVariable)")
        }
        guard login.contains("@") else {
            throw PublishError(.loginFailed, "'\(login)' is not a bot password login (Name@BotName)", remedy: "create a bot password at Special:BotPasswords and use the login it shows")
        }
        if let password = environment[passwordVariable], !password.isEmpty {
            return BotCredentials(user: login, password: password)
        }
        if let password = fileValues["password"], !password.isEmpty {
            return BotCredentials(user: login, password: password)
        }
        throw PublishError(
            .loginFailed, "no password for \(login)",
            remedy: "set \(passwordVariable), or pass --credentials FILE with a line password=… (chmod 600 FILE); a password is never taken on the command line")
    }

    private static func readFile(_ path: String) throws(PublishError) -> [String: String] {
        let context = ErrorContext(file: path)
        // A link is followed: the file it leads to is the one whose mode and owner count (the
        // link's own mode is always 777, which made a good file look open to everyone).
        let target = (path as NSString).resolvingSymlinksInPath
        let named = target == path ? "the credentials file" : "the credentials file \(target) (where \(path) leads)"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target) else {
            throw PublishError(.unreadableFile, "\(named) cannot be read", remedy: "check the path given to --credentials", context: context)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw PublishError(.unreadableFile, "\(named) is not a regular file", remedy: "give --credentials the path of a text file", context: context)
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        let owner = (attributes[.ownerAccountID] as? NSNumber)?.uint32Value
        if mode & 0o077 != 0 || owner != getuid() {
            throw PublishError(
                .invalidInput, "\(named) is readable by others (mode \(String(format: "%03o", mode))) or not yours",
                remedy: "run 'chmod 600 \(target)' as its owner", context: context)
        }
        guard let data = FileManager.default.contents(atPath: target), let text = String(data: data, encoding: .utf8) else {
            throw PublishError(.unreadableFile, "the credentials file cannot be read as UTF-8 text", remedy: "write it as lines user=Name@Bot and password=…", context: context)
        }
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            values[key] = String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        }
        return values
    }
}
