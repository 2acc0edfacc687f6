public import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Quire's one way to put an output file in place: complete or absent, never cut short by a
/// crash or a full disk, never written through a planted link. (The one part of Core that
/// touches the file system: every module that writes files shares this policy.)
///
/// A temporary is created in the target's folder under an unpredictable name,
/// `.NAME.quire-PID-RANDOM.part`, with `O_CREAT|O_EXCL|O_NOFOLLOW`; `rename(2)` then replaces the
/// target in one step (a link at the target is replaced, not followed). Temporaries that a killed
/// run left behind (their process is gone) are removed the first time a run writes into that
/// folder.
public enum OutputFile {
    /// Writes `data` to `path`.
    public static func write(_ data: Data, to path: String) throws(CoreError) {
        try writeAll([(path, data)])
    }

    /// Writes a set of files all or nothing: each to its temporary first; when one fails, every
    /// temporary is removed and no target is touched; then each temporary replaces its target.
    public static func writeAll(_ files: [(path: String, data: Data)]) throws(CoreError) {
        var temporaries: [String] = []
        for (path, data) in files {
            var problem: CoreError?
            do {
                let (temporary, handle) = try create(for: path)
                temporaries.append(temporary)
                do {
                    try handle.write(contentsOf: data)
                    try handle.close()
                } catch {
                    problem = failure(path, error.localizedDescription)
                }
            } catch {
                problem = error
            }
            if let problem {
                for written in temporaries { unlink(written) }
                throw problem
            }
        }
        for ((path, _), temporary) in zip(files, temporaries) {
            do { try replace(path, with: temporary) } catch {
                for left in temporaries { unlink(left) }
                throw error
            }
        }
    }

    /// A new, empty temporary beside `path`, open for writing.
    public static func create(for path: String) throws(CoreError) -> (path: String, handle: FileHandle) {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, String(cString: strerror(errno))) }
        return (temporary, FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
    }

    /// An unused, unpredictable temporary name beside `path`, for a program that writes the file
    /// itself (`qpdf`, `djvm`); stale temporaries of the folder are removed first.
    public static func temporaryPath(for path: String) -> String {
        let folder = folder(of: path)
        removeStaleTemporaries(in: folder.isEmpty ? "." : folder)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let tag = (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
        return join(folder, ".\(name).quire-\(getpid())-\(tag).part")
    }

    /// Puts `temporary` in place of `path` in one step.
    public static func replace(_ path: String, with temporary: String) throws(CoreError) {
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw failure(path, reason)
        }
    }

    /// Removes a temporary that will not be used.
    public static func discard(_ temporary: String) {
        unlink(temporary)
    }

    /// Folders already cleaned by this process.
    private static let cleaned = Mutex<Set<String>>([])

    /// Removes `.NAME.quire-PID-RANDOM.part` files in `folder` whose process no longer runs.
    public static func removeStaleTemporaries(in folder: String) {
        let first = cleaned.withLock { $0.insert(folder).inserted }
        guard first, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".part") {
            guard let marker = name.range(of: ".quire-", options: .backwards) else { continue }
            let fields = name[marker.upperBound...].dropLast(".part".count).split(separator: "-")
            guard fields.count == 2, let pid = pid_t(fields[0]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(join(folder, name))
            }
        }
    }

    /// The folder part of `path` ("" for a bare name), without Foundation's path code, which traps
    /// on a one-character path.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    public static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func failure(_ path: String, _ reason: String) -> CoreError {
        CoreError(.outputNotWritable, "cannot write the file (\(reason))", remedy: "check the disk space and the folder's permissions", context: ErrorContext(file: path))
    }
}
