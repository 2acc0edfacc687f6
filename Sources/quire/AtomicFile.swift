import Foundation
import QuireCore

/// Writes a file to a temporary name and renames it into place: complete or absent, never cut
/// short by a crash or a full disk.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws(CoreError) {
        let temporary = path + ".part-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            _ = try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CoreError(
                .outputNotWritable, "cannot write the file (\(error.localizedDescription))",
                remedy: "check the disk space and the folder's permissions", context: ErrorContext(file: path))
        }
    }
}
