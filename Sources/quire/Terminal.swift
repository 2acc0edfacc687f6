import Foundation
import QuireCore

/// The CLI's output: deliverables on stdout, messages and progress on stderr.
enum Terminal {
    /// True when standard input is a pipe or a file (`cat scan.jpg | quire ocr`, `< scan.jpg`),
    /// not a terminal or nothing.
    static var standardInputIsData: Bool {
        var status = stat()
        guard fstat(STDIN_FILENO, &status) == 0 else { return false }
        let kind = status.st_mode & S_IFMT
        return kind == S_IFIFO || kind == S_IFREG
    }

    /// A line on stdout.
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// One human-readable line on stdout, with ``visible(_:)`` applied: for lines that hold
    /// text people typed (titles, names, reasons), so that none can start a new line or move
    /// the cursor and forge another entry.
    static func line(_ text: String) {
        out(visible(text))
    }

    /// `text` with every character that changes a terminal's display instead of showing
    /// (line breaks, carriage returns, escape sequences, other C0 and C1 controls, DEL, and the
    /// bidirectional overrides and isolates) written as a visible `\u{…}` escape.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: TextSanitizer.rewritesDisplay) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if TextSanitizer.rewritesDisplay(scalar) { shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" } else { shown.unicodeScalars.append(scalar) }
        }
        return shown
    }

    /// `error: …` on stderr.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    }

    /// `warning: …` on stderr.
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
    }

    /// A note on stderr.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Pretty, key-sorted JSON of a value on stdout.
    static func json(_ value: some Encodable, snakeCase: Bool = false) throws {
        let encoder = JSONEncoder()
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// Left-aligned columns for a text table.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
