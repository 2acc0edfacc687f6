import CLeptonica
import CTesseract
import Foundation
import QuireCore

/// Every call into Tesseract made by this module, in one place.
enum TesseractCalls {
    /// `TessVersion`: the library's version, e.g. `5.3.0`.
    static func version() -> String {
        guard let text = TessVersion() else { return "unknown" }
        return String(cString: text)
    }
}

/// The single owner of one `TessBaseAPI`, initialised once and reused for many pages; ended and
/// deleted in `deinit`. Not thread-safe by design: one per worker, never shared.
final class TesseractAPI {
    private let handle: OpaquePointer
    /// The languages it was initialised with.
    let languages: LanguageSet

    /// `TessBaseAPICreate` + `TessBaseAPIInit4`. Tesseract's own diagnostics go to `debug_file`
    /// (discarded); failure is detected from the status, never from its stderr text.
    init(languages: LanguageSet, tessdata: String, variables: [String: String] = [:]) throws(OCRError) {
        guard let created = TessBaseAPICreate() else {
            throw OCRError(.internalError, "Tesseract could not allocate an engine", remedy: "check the memory available")
        }
        let settings = ["debug_file": "/dev/null"].merging(variables) { $1 }
        let keys = Array(settings.keys), values = keys.map { settings[$0] ?? "" }
        let status = withCStringArray(keys) { keyArray in
            withCStringArray(values) { valueArray in
                TessBaseAPIInit4(created, tessdata, languages.tesseractString, OEM_DEFAULT, nil, 0, keyArray, valueArray, keys.count, 0)
            }
        }
        guard status == 0 else {
            TessBaseAPIEnd(created)
            TessBaseAPIDelete(created)
            throw OCRError(
                .missingDependency, "Tesseract cannot load '\(languages)' from \(tessdata)",
                remedy: "install the language packages (\(languages.languages.map(\.debianPackage).joined(separator: ", "))) or pass --tessdata DIR")
        }
        handle = created
        self.languages = languages
    }

    /// Ends the engine and drops the dictionaries no other engine uses from Tesseract's
    /// process-wide cache (`ClearPersistentCache`: only entries no engine holds), which otherwise
    /// keeps every language a batch ever loaded. (Handing the freed heap back with `malloc_trim`
    /// as well saved about 60 MB of peak memory on the benchmark's batch but cost 2.5% of its
    /// time in three alternating runs, so it is not done.)
    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIClearPersistentCache(handle)
        TessBaseAPIDelete(handle)
    }

    /// `TessBaseAPISetPageSegMode`.
    func setPageSegmentationMode(_ mode: Int) {
        TessBaseAPISetPageSegMode(handle, TessPageSegMode(UInt32(mode)))
    }

    /// `TessBaseAPISetVariable`: sets one of Tesseract's parameters; false when it has no such one.
    @discardableResult
    func setVariable(_ name: String, _ value: String) -> Bool {
        TessBaseAPISetVariable(handle, name, value) != 0
    }

    /// `TessBaseAPISetImage2` + `TessBaseAPISetSourceResolution`. The image must outlive the
    /// recognition that follows; callers keep it alive until ``recognize(deadline:)`` returns.
    func setImage(_ image: PixImage, dpi: Int) {
        TessBaseAPISetImage2(handle, image.pix)
        TessBaseAPISetSourceResolution(handle, Int32(dpi))
    }

    /// `TessBaseAPIRecognize` with a monitor whose deadline stops recognition after `deadline`
    /// seconds. Returns false when recognition failed or ran out of time.
    func recognize(deadline: Double) -> (completed: Bool, timedOut: Bool) {
        guard let monitor = TessMonitorCreate() else { return (false, false) }
        defer { TessMonitorDelete(monitor) }
        let start = ContinuousClock.now
        TessMonitorSetDeadlineMSecs(monitor, Int32(min(deadline * 1000, Double(Int32.max))))
        let status = TessBaseAPIRecognize(handle, monitor)
        let elapsed = start.duration(to: .now)
        let timedOut = elapsed >= .milliseconds(Int64(deadline * 1000)) || (status != 0 && TessMonitorGetProgress(monitor) < 100 && elapsed >= .milliseconds(Int64(deadline * 900)))
        return (status == 0 && !timedOut, timedOut)
    }

    /// `TessBaseAPIClear`: frees the page's results, keeping the models loaded.
    func clear() { TessBaseAPIClear(handle) }

    /// `TessBaseAPIDetectOrientationScript` (needs `osd` among the languages): how many quarter
    /// turns clockwise fix the page, the orientation's confidence, and the script found (nil when
    /// none is named); nil when undetectable.
    func detectOrientationScript() -> (quarterTurns: Int, confidence: Double, script: DetectedScript?)? {
        var degrees: Int32 = 0, orientationConfidence: Float = 0, scriptConfidence: Float = 0
        var script: UnsafePointer<CChar>?
        guard TessBaseAPIDetectOrientationScript(handle, &degrees, &orientationConfidence, &script, &scriptConfidence) != 0 else { return nil }
        let detected = script.map { DetectedScript(name: String(cString: $0), confidence: Double(scriptConfidence)) }
        return (Int(degrees) / 90, Double(orientationConfidence), detected)
    }

    /// Walks the results with `TessBaseAPIGetIterator` and the page/result iterator calls into the
    /// engine-neutral model: one region per paragraph (its role from the block type), lines with
    /// boxes and baselines, words with boxes and confidences; image blocks as illustration regions.
    func results(width: Int, height: Int, dpi: Int) -> PageText {
        var regions: [TextRegion] = []
        guard let iterator = TessBaseAPIGetIterator(handle) else {
            return PageText(width: width, height: height, dpi: dpi, regions: [])
        }
        defer { TessResultIteratorDelete(iterator) }
        let page = TessResultIteratorGetPageIterator(iterator)
        var currentRole = RegionRole.paragraph
        var illustrations: [TextRegion] = []
        // Blocks first: their types give roles, and picture blocks have no words.
        TessPageIteratorBegin(page)
        repeat {
            let type = TessPageIteratorBlockType(page)
            if Self.isPicture(type), let box = box(page, level: RIL_BLOCK) {
                illustrations.append(TextRegion(role: .illustration, lines: [], box: box))
            }
        } while TessPageIteratorNext(page, RIL_BLOCK) != 0
        TessPageIteratorBegin(page)
        var region: TextRegion?
        var line: TextLine?
        func closeLine() {
            if let finished = line, !finished.words.isEmpty { region?.lines.append(finished) }
            line = nil
        }
        func closeRegion() {
            closeLine()
            if let finished = region, !finished.lines.isEmpty { regions.append(finished) }
            region = nil
        }
        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_BLOCK) != 0 { currentRole = Self.role(for: TessPageIteratorBlockType(page)) }
            if TessPageIteratorIsAtBeginningOf(page, RIL_PARA) != 0 || region == nil {
                closeRegion()
                region = TextRegion(role: currentRole, lines: [], box: box(page, level: RIL_PARA))
            }
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 || line == nil {
                closeLine()
                line = TextLine(words: [], box: box(page, level: RIL_TEXTLINE), baseline: baseline(page))
            }
            guard let text = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let word = String(cString: text)
            TessDeleteText(text)
            guard !word.isEmpty else { continue }
            let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
            line?.words.append(Word(text: word, box: box(page, level: RIL_WORD), confidence: min(1, max(0, confidence))))
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        closeRegion()
        return PageText(width: width, height: height, dpi: dpi, regions: regions + illustrations)
    }

    private func box(_ page: OpaquePointer?, level: TessPageIteratorLevel) -> BoundingBox? {
        var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
        guard TessPageIteratorBoundingBox(page, level, &left, &top, &right, &bottom) != 0 else { return nil }
        return BoundingBox(left: Int(left), top: Int(top), right: Int(right), bottom: Int(bottom))
    }

    private func baseline(_ page: OpaquePointer?) -> Baseline? {
        var x1: Int32 = 0, y1: Int32 = 0, x2: Int32 = 0, y2: Int32 = 0
        guard TessPageIteratorBaseline(page, RIL_TEXTLINE, &x1, &y1, &x2, &y2) != 0 else { return nil }
        return Baseline(points: [Point(x: Int(x1), y: Int(y1)), Point(x: Int(x2), y: Int(y2))])
    }

    /// Tesseract's block types as region roles (data).
    private static let roles: [UInt32: RegionRole] = [
        PT_FLOWING_TEXT.rawValue: .paragraph, PT_HEADING_TEXT.rawValue: .heading, PT_PULLOUT_TEXT.rawValue: .paragraph,
        PT_EQUATION.rawValue: .other, PT_INLINE_EQUATION.rawValue: .other, PT_TABLE.rawValue: .table,
        PT_VERTICAL_TEXT.rawValue: .other, PT_CAPTION_TEXT.rawValue: .caption,
    ]

    private static func role(for type: TessPolyBlockType) -> RegionRole { roles[type.rawValue] ?? .paragraph }

    private static func isPicture(_ type: TessPolyBlockType) -> Bool {
        [PT_FLOWING_IMAGE.rawValue, PT_HEADING_IMAGE.rawValue, PT_PULLOUT_IMAGE.rawValue].contains(type.rawValue)
    }
}

/// Calls `body` with a NULL-free array of C strings that live for the call.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress) }
}
