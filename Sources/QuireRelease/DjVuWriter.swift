import Foundation
public import QuireCore

/// Writes a bundled DjVu with a hidden text layer, with djvulibre's tools: each page encoded from
/// a PNM file (`c44`, IW44 wavelets, for grey and colour pages; `cjb2`, JB2, for bilevel ones) at
/// the page's resolution, the pages bundled (`djvm -c`), and each page's text set with `djvused`
/// at word level (page → region → line → word). The file appears at `path` only when complete.
public final class DjVuWriter {
    static let c44 = ReleaseTool(name: "c44", package: "djvulibre-bin")
    static let cjb2 = ReleaseTool(name: "cjb2", package: "djvulibre-bin")
    static let djvm = ReleaseTool(name: "djvm", package: "djvulibre-bin")
    static let djvused = ReleaseTool(name: "djvused", package: "djvulibre-bin")

    private let path: String
    private let scratch: String
    private var pages: [String] = []
    private var script = ""

    /// Starts a DjVu that will be `path`; `scratch` holds the page files meanwhile. Fails at once,
    /// before any page is read, when a djvulibre tool is missing.
    public init(path: String, scratch: String) throws(ReleaseError) {
        for tool in [Self.c44, Self.cjb2, Self.djvm, Self.djvused] where tool.executablePath == nil {
            throw ReleaseError(.missingDependency, "the program '\(tool.name)' is not installed", remedy: "install the Debian package \(tool.package)", context: ErrorContext(file: path))
        }
        self.path = path
        self.scratch = scratch
    }

    /// Adds a page from `image` (a PNM file; PBM when `bilevel`) at `dpi` (300 when unknown), with
    /// `text` (boxes in the image's pixels) as its hidden text.
    public func addPage(image: String, bilevel: Bool, dpi: Int, width: Int, height: Int, text: PageText?) throws(ReleaseError) {
        let number = pages.count + 1
        let page = (scratch as NSString).appendingPathComponent(String(format: "page-%05d.djvu", number))
        let resolution = String(min(6000, max(25, dpi > 0 ? dpi : 300)))
        let context = ErrorContext(file: path, page: number)
        let result = bilevel
            ? try Self.cjb2.run(["-dpi", resolution, "-lossless", image, page], context: context)
            : try Self.c44.run(["-dpi", resolution, image, page], context: context)
        guard result.status == 0 else {
            throw ReleaseError(.invalidInput, "the page could not be encoded (\(result.error.split(separator: "\n").first ?? "no details"))", remedy: "check the scan", context: context)
        }
        pages.append(page)
        if let text, text.width > 0, text.height > 0 {
            let scaled = Self.scaled(text, toWidth: width, height: height)
            script += "select \(number)\nset-txt\n\(Self.hiddenText(scaled, width: width, height: height))\n.\n"
        }
    }

    /// Bundles the pages, sets their text, and renames the file into place.
    public func finish() throws(ReleaseError) {
        guard !pages.isEmpty else {
            throw ReleaseError(.invalidInput, "a DjVu needs at least one page", remedy: "give pages to write")
        }
        let temporary = OutputFile.temporaryPath(for: path)
        defer { OutputFile.discard(temporary) }
        let context = ErrorContext(file: path)
        let bundled = try Self.djvm.run(["-c", temporary] + pages, context: context)
        guard bundled.status == 0 else {
            throw ReleaseError(.ioFailure, "the pages could not be bundled (\(bundled.error.split(separator: "\n").first ?? "no details"))", remedy: "check the free space on the disk", context: context)
        }
        if !script.isEmpty {
            let scriptFile = (scratch as NSString).appendingPathComponent("text.djvused")
            do { try Data((script + "save\n").utf8).write(to: URL(fileURLWithPath: scriptFile)) } catch {
                throw ReleaseError(.outputNotWritable, "the text script could not be written", remedy: "check the free space in the temporary folder", context: context)
            }
            let set = try Self.djvused.run([temporary, "-f", scriptFile], context: context)
            guard set.status == 0 else {
                throw ReleaseError(.internalError, "djvused refused the text layer (\(set.error.split(separator: "\n").first ?? "no details"))", remedy: "report this as a bug of Quire", context: context)
            }
        }
        do { try OutputFile.replace(path, with: temporary) } catch {
            throw ReleaseError(.outputNotWritable, "the DjVu could not be put in place: \(error.message)", remedy: "check that the folder is writable", context: context)
        }
    }

    /// The text model with its boxes scaled to an image of `width × height` pixels.
    static func scaled(_ text: PageText, toWidth width: Int, height: Int) -> PageText {
        guard text.width != width || text.height != height else { return text }
        let (sx, sy) = (Double(width) / Double(text.width), Double(height) / Double(text.height))
        func scale(_ box: BoundingBox?) -> BoundingBox? {
            box.map { BoundingBox(left: Int(Double($0.left) * sx), top: Int(Double($0.top) * sy), right: Int((Double($0.right) * sx).rounded(.up)), bottom: Int((Double($0.bottom) * sy).rounded(.up))) }
        }
        var result = text
        for r in result.regions.indices {
            result.regions[r].box = scale(result.regions[r].box)
            for l in result.regions[r].lines.indices {
                result.regions[r].lines[l].box = scale(result.regions[r].lines[l].box)
                for w in result.regions[r].lines[l].words.indices { result.regions[r].lines[l].words[w].box = scale(result.regions[r].lines[l].words[w].box) }
            }
        }
        result.width = width
        result.height = height
        return result
    }

    /// The page's hidden text as djvused's S-expression: coordinates in pixels from the bottom
    /// left, every zone boxed by its words, words as the layer writer places them (a word
    /// without a box gets a share of its line).
    static func hiddenText(_ text: PageText, width: Int, height: Int) -> String {
        func zone(_ kind: String, _ box: BoundingBox, _ inner: String) -> String {
            "(\(kind) \(box.left) \(height - box.bottom) \(box.right) \(height - box.top)\(inner))"
        }
        var regions: [String] = []
        for region in text.regions {
            var lines: [(BoundingBox, String)] = []
            for line in region.lines {
                let words = TextLayer.placedWords(line)
                guard let box = BoundingBox.union(of: words.map(\.box)) else { continue }
                lines.append((box, words.map { "\n    " + zone("word", $0.box, " \(quoted($0.text))") }.joined()))
            }
            guard let box = BoundingBox.union(of: lines.map(\.0)) else { continue }
            regions.append(zone("region", box, lines.map { "\n  " + zone("line", $0.0, $0.1) }.joined()))
        }
        return zone("page", BoundingBox(x: 0, y: 0, width: width, height: height), regions.map { "\n " + $0 }.joined())
    }

    /// A djvused string: UTF-8, with `"` and `\` escaped and control characters as octal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\%03o", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
