import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches one file with inotify and says whether anything opened or read it since the watch
/// began: proof that a parser never touched a canary file (atime is unreliable on relatime).
final class FileAccessWatch {
    private let descriptor: Int32

    /// Starts watching `path` for opens and reads; nil where inotify is unavailable.
    init?(path: String) {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        guard inotify_add_watch(descriptor, path, UInt32(IN_OPEN) | UInt32(IN_ACCESS)) >= 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        #else
        return nil
        #endif
    }

    deinit { close(descriptor) }

    /// True when at least one open or read event has arrived (and consumes them).
    func wasTouched() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        return count > 0
    }
}

/// A TCP listener on 127.0.0.1 with an ephemeral port, to prove that no connection arrives.
final class LoopbackListener {
    private let descriptor: Int32
    /// The port it listens on.
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }

    /// True when a connection is waiting (it is accepted and closed).
    func receivedConnection() -> Bool {
        let client = accept(descriptor, nil, nil)
        guard client >= 0 else { return false }
        close(client)
        return true
    }

    /// Connects to the listener from this process (the positive control of the probe).
    func connectOnce() {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        close(client)
    }
}

/// Peak resident set size of this process, in bytes (`getrusage`; Linux reports kilobytes).
func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss * 1024
}

/// What `body` wrote to the process's standard error (file descriptor 2).
func capturingStandardError(_ body: () throws -> Void) rethrows -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)").path
    let target = open(file, O_CREAT | O_RDWR | O_TRUNC, 0o600)
    let saved = dup(2)
    dup2(target, 2)
    defer {
        dup2(saved, 2)
        close(saved)
        close(target)
        try? FileManager.default.removeItem(atPath: file)
    }
    try body()
    fsync(2)
    return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
}
