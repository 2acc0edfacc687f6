import Foundation
import QuireCore

/// Writes numbered PDF objects to a file as they come (a page's image is never held twice),
/// remembering each one's offset for the cross-reference table written at the end.
final class PDFFileSink {
    private let handle: FileHandle
    private var offset = 0
    private var offsets: [Int: Int] = [:]
    private var lastNumber = 0
    private let path: String

    /// Opens `path` (created or truncated) and writes the header, with the binary comment line
    /// that tells transfer tools the file is binary.
    init(path: String) throws(ReleaseError) {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ReleaseError(.outputNotWritable, "cannot create the file", remedy: "check that the folder exists and is writable", context: ErrorContext(file: path))
        }
        self.handle = handle
        try append(Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3] + Array("\n".utf8))
    }

    deinit { try? handle.close() }

    /// A new object number, to refer to before the object is written.
    func reserve() -> Int {
        lastNumber += 1
        return lastNumber
    }

    /// Writes object `number` whose body is `body` (a dictionary, array or value).
    func write(_ number: Int, _ body: String) throws(ReleaseError) {
        offsets[number] = offset
        try append(Array("\(number) 0 obj\n\(body)\nendobj\n".utf8))
    }

    /// Writes stream object `number`: `dictionary` is the entries without `/Length`, which is added.
    func write(_ number: Int, dictionary: String, stream: [UInt8]) throws(ReleaseError) {
        offsets[number] = offset
        try append(Array("\(number) 0 obj\n<< \(dictionary) /Length \(stream.count) >>\nstream\n".utf8))
        try append(stream)
        try append(Array("\nendstream\nendobj\n".utf8))
    }

    /// Writes the cross-reference table and trailer and closes the file.
    func finish(root: Int, info: Int, id: String) throws(ReleaseError) {
        let start = offset
        var table = "xref\n0 \(lastNumber + 1)\n0000000000 65535 f \n"
        for number in 1...max(1, lastNumber) {
            guard let at = offsets[number] else {
                throw ReleaseError(.internalError, "PDF object \(number) was reserved but never written", remedy: "report this as a bug of Quire")
            }
            let digits = String(at)
            table += String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(lastNumber + 1) /Root \(root) 0 R /Info \(info) 0 R /ID [<\(id)> <\(id)>] >>\nstartxref\n\(start)\n%%EOF\n"
        try append(Array(table.utf8))
        do { try handle.close() } catch {
            throw ReleaseError(.ioFailure, "the file could not be closed: \(error.localizedDescription)", remedy: "check the disk", context: ErrorContext(file: path))
        }
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
        return String(format: "%.3f", rounded)
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
