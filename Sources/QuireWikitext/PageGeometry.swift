import QuireCore

/// The text block of a page: where lines start and end, and how tall a line is. Indents, short
/// last lines, centred lines and the left/centre/right of a running header are judged against it.
struct TextFrame: Hashable, Sendable {
    /// The left margin of full lines.
    let left: Int
    /// The right margin of full lines.
    let right: Int
    /// The median height of a line box: the unit of every tolerance.
    let lineHeight: Int

    var width: Int { right - left }
    var centre: Double { Double(left + right) / 2 }

    /// The frame of these line boxes: the 20th percentile of their left edges and the 80th of
    /// their right edges, so that indented first lines and short last lines do not move it.
    init?(lines: [BoundingBox]) {
        let boxes = lines.filter { !$0.isEmpty }
        guard let left = Self.percentile(boxes.map(\.left), 0.2), let right = Self.percentile(boxes.map(\.right), 0.8),
              let height = Self.percentile(boxes.map(\.height), 0.5), right > left else { return nil }
        self.left = left
        self.right = right
        lineHeight = max(1, height)
    }

    init(left: Int, right: Int, lineHeight: Int) {
        self.left = left
        self.right = right
        self.lineHeight = max(1, lineHeight)
    }

    /// The line starts clearly right of the margin (a paragraph's first-line indent).
    func isIndented(_ box: BoundingBox) -> Bool {
        box.left - left > lineHeight * 4 / 5
    }

    /// The line ends clearly before the right margin (a paragraph's last line).
    func endsShort(_ box: BoundingBox) -> Bool {
        right - box.right > lineHeight * 3 / 2
    }

    /// The line is centred in the frame and narrower than it on both sides.
    func isCentred(_ box: BoundingBox, pageWidth: Int) -> Bool {
        let tolerance = max(Double(pageWidth) * 0.03, Double(lineHeight) / 2)
        let centreOffset = abs(Double(box.left + box.right) / 2 - centre)
        let margin = lineHeight * 4 / 5
        return centreOffset <= tolerance && box.left - left > margin && right - box.right > margin
    }

    /// How many of the boxes run from margin to margin (within a line height at each end): a
    /// page of running text has many, a title page few.
    func fullLines(_ boxes: [BoundingBox]) -> Int {
        boxes.filter { abs($0.left - left) <= lineHeight && abs($0.right - right) <= lineHeight }.count
    }

    /// Whether an x position is in the left, centre or right third of the frame (0, 1, 2).
    func third(ofCentre x: Double) -> Int {
        let relative = (x - Double(left)) / Double(max(1, width))
        return relative < 1.0 / 3 ? 0 : (relative <= 2.0 / 3 ? 1 : 2)
    }

    /// The value at fraction `p` of the sorted values; nil when there are none.
    static func percentile(_ values: [Int], _ p: Double) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let index = min(sorted.count - 1, max(0, Int((Double(sorted.count - 1) * p).rounded())))
        return sorted[index]
    }
}

/// The frames of a document's pages: a page with five lines or more running from margin to
/// margin has its own frame (recto
/// and verso blocks often sit at different places); a sparse page (a title page, a last page
/// with a few lines) borrows the median frame of the dense pages.
struct DocumentGeometry: Sendable {
    private let frames: [PageNumber: TextFrame]

    init(pages: [PageNumber: PageText]) {
        var own: [PageNumber: TextFrame] = [:]
        var dense: [TextFrame] = []
        for (number, page) in pages {
            let boxes = Self.contentLines(page).compactMap(\.box)
            guard let frame = TextFrame(lines: boxes) else { continue }
            own[number] = frame
            if frame.fullLines(boxes) >= 5 { dense.append(frame) }
        }
        var frames: [PageNumber: TextFrame] = [:]
        let median: TextFrame? = dense.isEmpty ? nil : TextFrame(
            left: TextFrame.percentile(dense.map(\.left), 0.5) ?? 0,
            right: TextFrame.percentile(dense.map(\.right), 0.5) ?? 0,
            lineHeight: TextFrame.percentile(dense.map(\.lineHeight), 0.5) ?? 1)
        for (number, frame) in own {
            let boxes = Self.contentLines(pages[number] ?? PageText(width: 0, height: 0, regions: [])).compactMap(\.box)
            frames[number] = frame.fullLines(boxes) >= 5 ? frame : (median ?? frame)
        }
        self.frames = frames
    }

    /// The frame to judge the page against; nil when its lines have no boxes.
    func frame(for page: PageNumber) -> TextFrame? { frames[page] }

    /// The lines of the regions that hold running text (not headers, notes or furniture).
    static func contentLines(_ page: PageText) -> [TextLine] {
        page.regions.filter { contentRoles.contains($0.role) }.flatMap(\.lines)
    }

    static let contentRoles: Set<RegionRole> = [.paragraph, .heading, .verse, .caption, .table, .other]
}
