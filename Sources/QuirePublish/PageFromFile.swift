import Foundation

/// One page to create on a wiki: its full title and wikitext.
public struct WikiPage: Hashable, Sendable, Codable {
    public var title: String
    public var text: String
    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}

/// pywikibot's `pagefromfile.py` format: each page between `{{-start-}}` and `{{-stop-}}`, its
/// title as the first `'''bold'''` text, which the script removes unless told to keep it
/// (`-notitle` keeps the text as is; Quire writes the title line so the default settings work).
public enum PageFromFile {
    public static let startMarker = "{{-start-}}"
    public static let stopMarker = "{{-stop-}}"

    /// The whole file for `pages`, in order.
    public static func render(_ pages: [WikiPage]) -> String {
        pages.map { page in
            "\(startMarker)\n'''\(page.title)'''\n\(page.text)\n\(stopMarker)\n"
        }.joined()
    }

    /// Reads a file in the same format back (titles and texts), as pywikibot does with its
    /// default options: the first bold text is the title and is removed with its line break.
    public static func parse(_ file: String) -> [WikiPage] {
        var pages: [WikiPage] = []
        var rest = Substring(file)
        while let start = rest.range(of: startMarker + "\n"), let stop = rest.range(of: "\n" + stopMarker, range: start.upperBound..<rest.endIndex) {
            let content = rest[start.upperBound..<stop.lowerBound]
            if content.hasPrefix("'''"), let close = content.dropFirst(3).range(of: "'''") {
                let title = String(content[content.index(content.startIndex, offsetBy: 3)..<close.lowerBound])
                var text = content[close.upperBound...]
                if text.hasPrefix("\n") { text = text.dropFirst() }
                pages.append(WikiPage(title: title, text: String(text)))
            }
            rest = rest[stop.upperBound...]
        }
        return pages
    }
}
