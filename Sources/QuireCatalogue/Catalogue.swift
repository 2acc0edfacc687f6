public import Foundation
import GRDB
import Synchronization
public import QuireCore

/// The project catalogue: one SQLite file in WAL mode holding documents, source files, pages and
/// their texts. The only owner of the database connection; every other module sees value types.
///
/// Safe to share between tasks: GRDB's pool serialises writes and lets reads run beside them; a
/// second process waits up to ``busyTimeout`` for the write lock, then fails with `catalogue_busy`.
public final class Catalogue: Sendable {
    /// The catalogue file.
    public let path: String
    /// The folder holding the catalogue; source paths inside it are stored relative to it.
    public let directory: String
    let pool: DatabasePool
    let clock: @Sendable () -> Date
    /// How far this instance has checked the clearance history's chain (see
    /// ``verifyClearanceHistory(expectingHead:)``), so that one command's gate, licence lookup and
    /// report do not hash the whole history again each time.
    let verifiedHistory = Mutex<VerifiedHistory?>(nil)

    /// How long a writer waits for another process's write lock.
    public static let busyTimeout: TimeInterval = 10

    private init(path: String, pool: DatabasePool, clock: @escaping @Sendable () -> Date) {
        self.path = path
        self.directory = (path as NSString).deletingLastPathComponent
        self.pool = pool
        self.clock = clock
    }

    /// Creates a new catalogue at `path`. Throws `catalogue_exists` when a file is already there.
    public static func create(at path: String, clock: @escaping @Sendable () -> Date = Date.init) throws(CatalogueError) -> Catalogue {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CatalogueError(.catalogueExists, "\(path) already exists", remedy: "use the existing catalogue, or choose another path with --catalogue")
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) else {
            throw CatalogueError(.outputNotWritable, "cannot create a catalogue in \(folder): the folder is missing or not writable", remedy: "create the folder or choose another path with --catalogue")
        }
        return try open(path: path, clock: clock)
    }

    /// Opens an existing catalogue, upgrading an older schema. Refuses one written by a newer Quire.
    public static func open(at path: String, clock: @escaping @Sendable () -> Date = Date.init) throws(CatalogueError) -> Catalogue {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path) }
        try checkHeader(path)
        return try open(path: path, clock: clock)
    }

    /// Opens an existing catalogue for reading only (status, history, reports): its connections
    /// are read-only, so opening never writes (GRDB's WAL set-up would, and wait for a writer's
    /// lock while the write-ahead log is empty) and reading a snapshot never waits for a batch.
    /// A catalogue that needs upgrading, or that SQLite cannot open read-only here, is opened
    /// as ``open(at:clock:)`` does.
    public static func openForReading(at path: String, clock: @escaping @Sendable () -> Date = Date.init) throws(CatalogueError) -> Catalogue {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingFile(path) }
        try checkHeader(path)
        var configuration = configuration()
        configuration.readonly = true
        if let pool = try? DatabasePool(path: path, configuration: configuration) {
            let migrator = CatalogueSchema.migrator
            if (try? pool.read({ db in try migrator.hasBeenSuperseded(db) })) == true {
                throw .tooNew(path)
            }
            if (try? pool.read({ db in try migrator.hasCompletedMigrations(db) })) == true {
                return Catalogue(path: path, pool: pool, clock: clock)
            }
        }
        return try open(path: path, clock: clock)
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "quire-catalogue"
        return configuration
    }

    private static func open(path: String, clock: @escaping @Sendable () -> Date) throws(CatalogueError) -> Catalogue {
        let configuration = configuration()
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = CatalogueSchema.migrator
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw CatalogueError.tooNew(path)
            }
            // Only a catalogue that needs a migration takes the write lock here: reading commands
            // (status, show, history) read a snapshot while a batch writes, and never wait for it.
            if try !pool.read({ db in try migrator.hasCompletedMigrations(db) }) {
                try migrator.migrate(pool)
            }
            return Catalogue(path: path, pool: pool, clock: clock)
        } catch let error as CatalogueError {
            throw error
        } catch {
            throw CatalogueError.wrap(error, path: path)
        }
    }

    /// A SQLite file starts with "SQLite format 3\0"; anything else is not a catalogue.
    private static func checkHeader(_ path: String) throws(CatalogueError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CatalogueError(.catalogueDamaged, "cannot read \(path)", remedy: "check the file's permissions")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return }  // A zero-byte file is a fresh SQLite database.
        guard head == Data("SQLite format 3\0".utf8) else {
            throw CatalogueError(.catalogueDamaged, "\(path) is not a SQLite database", remedy: "point --catalogue at a quire.sqlite made by 'quire init'")
        }
    }

    /// The path as stored: relative to the catalogue's folder when inside it, else absolute.
    public func storedPath(forAbsolute absolute: String) -> String {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
    }

    /// The absolute path of a stored path.
    public func absolutePath(forStored stored: String) -> String {
        stored.hasPrefix("/") ? stored : (directory as NSString).appendingPathComponent(stored)
    }

    /// The names of the migrations applied, oldest first.
    public func appliedMigrations() throws(CatalogueError) -> [String] {
        try read { db in try CatalogueSchema.migrator.appliedMigrations(db) }
    }

    /// SQLite's own integrity check (`PRAGMA quick_check`): "ok" when healthy.
    public func quickCheck() throws(CatalogueError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "no answer" }
    }

    func read<T>(_ body: (Database) throws -> T) throws(CatalogueError) -> T {
        do { return try pool.read(body) } catch { throw CatalogueError.wrap(error, path: path) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(CatalogueError) -> T {
        do { return try pool.write(body) } catch { throw CatalogueError.wrap(error, path: path) }
    }

    var timestamp: String { ISO8601DateFormatter().string(from: clock()) }
}

extension CatalogueError {
    /// Maps GRDB and SQLite failures to catalogue errors with a remedy.
    static func wrap(_ error: any Error, path: String) -> CatalogueError {
        if let error = error as? CatalogueError { return error }
        guard let dbError = error as? DatabaseError else {
            return CatalogueError(.internalError, "catalogue failure: \(error)", remedy: "report this as a bug with the command you ran")
        }
        switch dbError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return CatalogueError(.catalogueBusy, "\(path) is locked by another Quire process", remedy: "wait for the other command to finish and run this one again")
        case .SQLITE_FULL:
            return CatalogueError(.diskFull, "the disk holding \(path) is full; nothing was written", remedy: "free some space and run the command again")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return CatalogueError(.catalogueDamaged, "\(path) is damaged (\(dbError.message ?? "corrupt"))", remedy: "restore it from a backup; 'sqlite3 \(path) .recover' may save its rows")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return CatalogueError(.outputNotWritable, "cannot write \(path) (\(dbError.message ?? "read-only"))", remedy: "check the permissions of the file and its folder")
        default:
            return CatalogueError(.internalError, "catalogue failure in \(path): \(dbError.message ?? "\(dbError.resultCode)")", remedy: "report this as a bug with the command you ran")
        }
    }
}
