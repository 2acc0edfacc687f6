import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process as a page claim records it: its id and when it started, so that an id the system
/// has given to another process since is not mistaken for the claimant.
public struct ProcessIdentity: Hashable, Sendable {
    public let pid: Int32
    /// The start time in clock ticks since boot (`/proc/PID/stat`, field 22); empty where the
    /// system does not say.
    public let start: String

    public init(pid: Int32, start: String) {
        self.pid = pid
        self.start = start
    }

    /// This process (read once: every page of a batch is claimed by it).
    public static let current: ProcessIdentity = {
        let pid = getpid()
        return ProcessIdentity(pid: pid, start: startTime(of: pid) ?? "")
    }()

    /// True while the process it names runs (the same id, started at the same time, and not a
    /// zombie that nobody reaped: where the first process of a container does not reap, a killed
    /// worker stays one).
    public var isRunning: Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let fields = Self.statFields(of: pid) else { return start.isEmpty }
        return fields.count > 19 && String(fields[19]) == start && fields[0] != "Z" && fields[0] != "X"
    }

    /// Field 22 of `/proc/PID/stat`, the start time; nil without `/proc`.
    public static func startTime(of pid: Int32) -> String? {
        guard let fields = statFields(of: pid), fields.count > 19 else { return nil }
        return String(fields[19])
    }

    /// The fields of `/proc/PID/stat` after the command name (which may hold spaces and
    /// parentheses, so they are counted from its closing parenthesis): `[0]` is field 3, the
    /// state; `[19]` is field 22, the start time.
    private static func statFields(of pid: Int32) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }
}
