public import Foundation

/// An OCR batch's mark on the catalogue: an advisory lock (`flock`) on a file beside it, held
/// while the batch runs and released by the system when its process ends, even by `kill -9`.
/// The proofreading room reads it to say that a batch is running.
public final class OCRActivity: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// The lock file of the catalogue at `path`.
    static func lockPath(_ path: String) -> String { path + ".ocr-running" }

    /// Marks a batch as running until the returned value is released; nil when the mark cannot
    /// be made (a read-only folder: the batch runs unmarked).
    public static func begin(catalogue path: String) -> OCRActivity? {
        let descriptor = open(lockPath(path), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_SH) == 0 else {
            close(descriptor)
            return nil
        }
        return OCRActivity(descriptor: descriptor)
    }

    /// Whether a batch is running on the catalogue at `path` (someone holds the mark).
    public static func isRunning(catalogue path: String) -> Bool {
        let descriptor = open(lockPath(path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        // An exclusive lock is refused while any batch holds its shared one.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { return true }
        flock(descriptor, LOCK_UN)
        return false
    }
}
