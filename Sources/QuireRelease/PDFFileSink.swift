import Foundation
import QuireCore

/// Writes numbered PDF objects to a file as they come (a page's image is never held twice),
/// remembering where each one is for the cross-reference stream written at the end. Streams go to
/// the file at once; other objects (page and font dictionaries, a few hundred bytes each) are
/// gathered into compressed object streams of `objectsPerStream`.
final class PDFFileSink {
    /// Where an object is: at an offset in the file, or the `index`th in object stream `stream`.
    private enum Location {
        case direct(Int)
        case compressed(stream: Int, index: Int)
    }

    private let handle: FileHandle
    private var offset = 0
    private var locations: [Int: Location] = [:]
    private var pending: [(number: Int, body: String)] = []
    private var lastNumber = 0
    private let path: String
    static let objectsPerStream = 200

    /// Writes the header to `handle` (a new, empty file; `path` names it in errors), with the
    /// binary comment line that tells transfer tools the file is binary.
    init(handle: FileHandle, path: String) throws(ReleaseError) {
        self.path = path
        self.handle = handle
        try append(Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3] + Array("\n".utf8))
    }

    deinit { try? handle.close() }

    /// A new object number, to refer to before the object is written.
    func reserve() -> Int {
        lastNumber += 1
        return lastNumber
    }

    /// Adds object `number` whose body is `body` (a dictionary, array or value) to the next object
    /// stream.
    func write(_ number: Int, _ body: String) throws(ReleaseError) {
        pending.append((number, body))
        if pending.count >= Self.objectsPerStream { try flushObjects() }
    }

    /// Writes the gathered objects as one compressed object stream.
    private func flushObjects() throws(ReleaseError) {
        guard !pending.isEmpty else { return }
        let stream = reserve()
        var header = "", body = ""
        for (index, object) in pending.enumerated() {
            header += "\(object.number) \(body.utf8.count) "
            body += object.body + "\n"
            locations[object.number] = .compressed(stream: stream, index: index)
        }
        let count = pending.count
        pending = []
        try write(stream, dictionary: "/Type /ObjStm /N \(count) /First \(header.utf8.count) /Filter /FlateDecode", stream: try DeflateCalls.compress(Array((header + body).utf8)))
    }

    /// Writes stream object `number`: `dictionary` is the entries without `/Length`, which is added.
    func write(_ number: Int, dictionary: String, stream: [UInt8]) throws(ReleaseError) {
        locations[number] = .direct(offset)
        try append(Array("\(number) 0 obj\n<< \(dictionary) /Length \(stream.count) >>\nstream\n".utf8))
        try append(stream)
        try append(Array("\nendstream\nendobj\n".utf8))
    }

    /// Writes the remaining objects, the cross-reference stream (which is also the trailer) and
    /// closes the file.
    func finish(root: Int, info: Int, id: String) throws(ReleaseError) {
        try flushObjects()
        let xref = reserve()
        locations[xref] = .direct(offset)
        // Each entry: type (1 byte), offset or object stream (4 bytes), generation or index (2).
        var table: [UInt8] = [0, 0, 0, 0, 0, 0xFF, 0xFF]
        for number in 1...xref {
            guard let location = locations[number] else {
                throw ReleaseError(.internalError, "PDF object \(number) was reserved but never written", remedy: "report this as a bug of Quire")
            }
            switch location {
            case .direct(let at): table += [1] + Self.bigEndian(at, bytes: 4) + [0, 0]
            case .compressed(let stream, let index): table += [2] + Self.bigEndian(stream, bytes: 4) + Self.bigEndian(index, bytes: 2)
            }
        }
        let data = try DeflateCalls.compress(table)
        let dictionary = "/Type /XRef /Size \(xref + 1) /W [1 4 2] /Root \(root) 0 R /Info \(info) 0 R /ID [<\(id)> <\(id)>] /Filter /FlateDecode"
        let start = offset
        try append(Array("\(xref) 0 obj\n<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream\nendobj\nstartxref\n\(start)\n%%EOF\n".utf8))
        do { try handle.close() } catch {
            throw ReleaseError(.ioFailure, "the file could not be closed: \(error.localizedDescription)", remedy: "check the disk", context: ErrorContext(file: path))
        }
    }

    private static func bigEndian(_ value: Int, bytes: Int) -> [UInt8] {
        (0..<bytes).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    private func append(_ bytes: [UInt8]) throws(ReleaseError) {
        do { try handle.write(contentsOf: bytes) } catch {
            throw ReleaseError(.ioFailure, "the file could not be written: \(error.localizedDescription)", remedy: "check the free space on the disk", context: ErrorContext(file: path))
        }
        offset += bytes.count
    }
}

/// PDF literal syntax for the values Quire writes.
enum PDFSyntax {
    /// A text string as UTF-16BE hex with its byte order mark, which every reader decodes.
    static func text(_ value: String) -> String {
        "<FEFF" + value.utf16.map { hex16($0) }.joined() + ">"
    }

    /// Four upper-case hex digits.
    static func hex16(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// A number with at most three decimals and no exponent, as content streams want it.
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        // Trailing zeros say nothing: `12.24`, not `12.240`.
        var text = String(format: "%.3f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// `D:YYYYMMDDHHmmSSZ` for the document information dictionary.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return "(D:\(formatter.string(from: date))Z)"
    }
}
