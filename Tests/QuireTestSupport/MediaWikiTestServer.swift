import Foundation

/// A throwaway MediaWiki on loopback (Scripts/mediawiki-test-server), started once per test
/// process and stopped when the process ends. Tests that need it are disabled with
/// ``skipMessage`` when it cannot be installed or started (no root, no network, not Debian) or
/// when `QUIRE_SKIP_MEDIAWIKI=1`.
public final class MediaWikiTestServer: Sendable {
    /// The wiki's api.php.
    public let api: String
    /// The folder holding the wiki (its `readonly` file switches read-only mode on).
    public let directory: String
    /// Bot password logins and passwords: full rights, basic rights only, a second user, and
    /// an administrator for test setup (delete, protect).
    public let credentials: [String: String]

    private init(api: String, directory: String, credentials: [String: String]) {
        self.api = api
        self.directory = directory
        self.credentials = credentials
    }

    /// The bot login (`Admin@quire`) and its password.
    public var bot: (user: String, password: String) { (credentials["QUIRE_TEST_USER"] ?? "", credentials["QUIRE_TEST_PASSWORD"] ?? "") }
    /// A bot password with only the basic grant.
    public var weakBot: (user: String, password: String) { (credentials["QUIRE_TEST_WEAK_USER"] ?? "", credentials["QUIRE_TEST_WEAK_PASSWORD"] ?? "") }
    /// Another user, for concurrent edits.
    public var other: (user: String, password: String) { (credentials["QUIRE_TEST_OTHER_USER"] ?? "", credentials["QUIRE_TEST_OTHER_PASSWORD"] ?? "") }
    /// A bot of its own (`Flagged@quire`, with the high-volume grant), whose bot flag a test removes.
    public var flaggedBot: (user: String, password: String) { (credentials["QUIRE_TEST_FLAGGED_USER"] ?? "", credentials["QUIRE_TEST_FLAGGED_PASSWORD"] ?? "") }
    /// An administrator bot password (delete, protect) for setting up cases.
    public var setup: (user: String, password: String) { (credentials["QUIRE_TEST_SETUP_USER"] ?? "", credentials["QUIRE_TEST_SETUP_PASSWORD"] ?? "") }

    /// Runs one of MediaWiki's maintenance scripts (`sql.php`, `createAndPromote.php`…) on the wiki.
    @discardableResult
    public func maintenance(_ script: String, _ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(
            "/usr/bin/env", ["php", "/usr/share/mediawiki/maintenance/" + script] + arguments, in: directory,
            environment: ["MW_CONFIG_FILE": directory + "/LocalSettings.php"])
    }

    /// The server, or why there is none.
    public static let shared: Result<MediaWikiTestServer, StartFailure> = start()

    /// Why the server could not start.
    public struct StartFailure: Error, Sendable { public let reason: String }

    /// True when the server runs.
    public static var isAvailable: Bool { (try? shared.get()) != nil }

    /// Why tests needing the server were skipped.
    public static var skipMessage: String {
        if case .failure(let failure) = shared { return "skipped: no MediaWiki test server (\(failure.reason))" }
        return ""
    }

    /// A wiki of its own, for a test that changes the whole wiki (read-only mode); stopped when
    /// the test process ends.
    /// With `uploadLimit` (`1M`), PHP's `upload_max_filesize` is that instead of 256M.
    public static func fresh(uploadLimit: String? = nil) -> Result<MediaWikiTestServer, StartFailure> { start(uploadLimit: uploadLimit) }

    private static func start(uploadLimit: String? = nil) -> Result<MediaWikiTestServer, StartFailure> {
        if ProcessInfo.processInfo.environment["QUIRE_SKIP_MEDIAWIKI"] == "1" {
            return .failure(StartFailure(reason: "QUIRE_SKIP_MEDIAWIKI=1"))
        }
        let script = RepositoryPaths.root + "/Scripts/mediawiki-test-server"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quire-mediawiki-\(UUID().uuidString)").path
        for _ in 0..<3 {
            let port = Int.random(in: 20000...45000)
            // Output to files, not pipes: the server it leaves running must not hold a pipe open.
            guard let result = try? runToFiles("/bin/bash", [script, "start", String(port), directory, String(ProcessInfo.processInfo.processIdentifier)] + (uploadLimit.map { [$0] } ?? []))
            else { return .failure(StartFailure(reason: "cannot run \(script)")) }
            if result.status == 7 {
                return .failure(StartFailure(reason: result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
            guard result.status == 0 else { continue }
            var values: [String: String] = [:]
            for line in result.standardOutput.split(separator: "\n") {
                guard let equals = line.firstIndex(of: "=") else { continue }
                values[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
            if let api = values["QUIRE_TEST_API"], values["QUIRE_TEST_PASSWORD"] != nil {
                return .success(MediaWikiTestServer(api: api, directory: directory, credentials: values))
            }
        }
        return .failure(StartFailure(reason: "the wiki did not start; see \(directory)/server.log"))
    }

    /// Runs the start script with its output in files and waits with `waitpid` (Foundation's
    /// `Process` left it unreaped here while the server it started lived on).
    private static func runToFiles(_ executable: String, _ arguments: [String]) throws -> CommandResult {
        let folder = try TemporaryDirectory(prefix: "quire-mediawiki-start")
        let command = ([executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let line = "cd '\(RepositoryPaths.root)' && \(command) </dev/null >'\(folder.file("out"))' 2>'\(folder.file("err"))'"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", line].map { (text: String) in strdup(text) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { throw StartFailure(reason: "posix_spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let read = { (name: String) in (try? String(contentsOfFile: folder.file(name), encoding: .utf8)) ?? "" }
        return CommandResult(status: exitCode, standardOutput: read("out"), standardError: read("err"))
    }

    /// Starts a fault-injecting proxy in front of the wiki with `rules` (see
    /// Scripts/tests/fault-proxy.py); stopped when the test process ends.
    public func proxy(rules: [[String: Any]]) throws -> FaultProxy {
        try FaultProxy(upstream: api, rules: rules)
    }
}

/// A fault-injecting proxy in front of the test wiki: its api.php URL and the log of requests.
public final class FaultProxy: @unchecked Sendable {
    /// The proxy's api.php.
    public let api: String
    private let folder: TemporaryDirectory
    private let process: Process

    init(upstream: String, rules: [[String: Any]]) throws {
        folder = try TemporaryDirectory(prefix: "quire-proxy")
        let plan = folder.file("plan.json")
        try JSONSerialization.data(withJSONObject: ["rules": rules]).write(to: URL(fileURLWithPath: plan))
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RepositoryPaths.root + "/Scripts/tests/fault-proxy.py", upstream, plan, String(ProcessInfo.processInfo.processIdentifier)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            process.terminate()
            throw MediaWikiTestServer.StartFailure(reason: "the fault proxy did not start")
        }
        api = "http://127.0.0.1:\(port)/api.php"
    }

    deinit { if process.isRunning { process.terminate() } }

    /// The requests seen so far: action, title and the fault injected (nil when forwarded).
    public var log: [(action: String?, title: String?, fault: String?)] {
        guard let text = try? String(contentsOfFile: folder.file("plan.json.log"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return (object["action"] as? String, object["title"] as? String, object["fault"] as? String)
        }
    }
}
