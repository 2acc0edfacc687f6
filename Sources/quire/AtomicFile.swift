import Foundation
import QuireCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file to a temporary name and renames it into place: complete or absent, never cut
/// short by a crash or a full disk.
///
/// The temporary file is created in the target's folder under an unpredictable name
/// (`.NAME.quire-PID-RANDOM.part`) with `O_CREAT|O_EXCL|O_NOFOLLOW`, so a file or link planted
/// beforehand is never written through; `rename(2)` then replaces the target in one step (a
/// link at the target is replaced, not followed). Temporaries that a killed run left behind
/// (their process is gone) are removed the first time a run writes into that folder.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws(CoreError) {
        try writeAll([(path, data)])
    }

    /// Writes a set of files all or nothing: each to its temporary first; when one fails, every
    /// temporary is removed and no target is touched; then each temporary replaces its target.
    static func writeAll(_ files: [(path: String, data: Data)]) throws(CoreError) {
        var temporaries: [String] = []
        for (path, data) in files {
            do {
                temporaries.append(try temporary(holding: data, for: path))
            } catch {
                for written in temporaries { unlink(written) }
                throw error
            }
        }
        for ((path, _), temporary) in zip(files, temporaries) where rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            for left in temporaries { unlink(left) }
            throw failure(path, reason)
        }
    }

    /// A new temporary beside `path` holding `data`.
    private static func temporary(holding data: Data, for path: String) throws(CoreError) -> String {
        // OutputPath, not NSString: Foundation's path code traps on a one-character path.
        let folder = OutputPath.folder(of: path)
        removeStaleTemporaries(in: folder.isEmpty ? "." : folder)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = OutputPath.join(folder, ".\(name).quire-\(getpid())-\(randomTag()).part")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, String(cString: strerror(errno))) }
        var written = 0
        let complete = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        let reason = complete ? nil : String(cString: strerror(errno))
        close(descriptor)
        guard complete else {
            unlink(temporary)
            throw failure(path, reason ?? "short write")
        }
        return temporary
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    private static func failure(_ path: String, _ reason: String) -> CoreError {
        CoreError(.outputNotWritable, "cannot write the file (\(reason))", remedy: "check the disk space and the folder's permissions", context: ErrorContext(file: path))
    }

    private static func randomTag() -> String {
        (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
    }

    /// Folders already cleaned by this process.
    private static let cleaned = Mutex<Set<String>>([])

    /// Removes `.NAME.quire-PID-RANDOM.part` files in `folder` whose process no longer runs.
    static func removeStaleTemporaries(in folder: String) {
        let first = cleaned.withLock { $0.insert(folder).inserted }
        guard first, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".part") {
            guard let marker = name.range(of: ".quire-", options: .backwards) else { continue }
            let fields = name[marker.upperBound...].dropLast(".part".count).split(separator: "-")
            guard fields.count == 2, let pid = pid_t(fields[0]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(OutputPath.join(folder, name))
            }
        }
    }
}
