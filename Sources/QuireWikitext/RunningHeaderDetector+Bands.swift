import QuireCore

/// Where a page's furniture can be: its top and bottom bands, cut into pieces at wide gaps.
extension RunningHeaderDetector {
    /// The tagged furniture of a page, or else its top band and its bottom band.
    static func findBands(_ page: PageText) -> Bands {
        var bands = Bands()
        let furnitureRoles: Set<RegionRole> = [.runningHeader, .pageNumber, .footer, .catchword, .signatureMark]
        let footRoles: Set<RegionRole> = [.footer, .catchword, .signatureMark]
        let tagged = page.regions.indices.filter { furnitureRoles.contains(page.regions[$0].role) }
        if page.regions.contains(where: { $0.role == .runningHeader || $0.role == .pageNumber }) {
            bands.tagged = true
            let height = lineHeight(page.regions.flatMap(\.lines))
            for index in tagged {
                let region = page.regions[index]
                let box = region.box ?? BoundingBox.union(of: region.lines.compactMap(\.box))
                let regionPieces: [Piece]
                if region.role == .pageNumber {
                    let text = region.lines.map(\.text).joined(separator: " ")
                    regionPieces = [Piece(text: text, box: box, number: PrintedPageNumber(text), readings: PrintedPageNumber.readings(text))]
                } else {
                    regionPieces = pieces(region.lines, lineHeight: height)
                }
                let atFoot = footRoles.contains(region.role) || box.map { $0.top + $0.height / 2 > page.height / 2 } ?? false
                if atFoot { bands.bottom.pieces += regionPieces } else { bands.top.pieces += regionPieces }
                bands.taggedRegions.insert(index)
            }
            bands.footerTagged = !bands.bottom.pieces.isEmpty
            return bands
        }
        for index in tagged {  // foot furniture tagged on an otherwise untagged page
            bands.bottom.pieces += page.regions[index].lines.map { Piece(text: $0.text, box: $0.box, number: nil) }
            bands.taggedRegions.insert(index)
            bands.footerTagged = true
        }
        let lines = page.regions.enumerated().flatMap { regionIndex, region in
            footRoles.contains(region.role) || region.role == .footnote ? [] : region.lines.enumerated().map { (LineAddress(region: regionIndex, line: $0.offset), $0.element) }
        }
        guard lines.count >= 2 else { return bands }
        let height = lineHeight(lines.map(\.1))
        bands.bodyHeight = height
        bands.top = band(lines, page: page, atTop: true, lineHeight: height)
        let unskipped = band(lines, page: page, atTop: true, lineHeight: height, skipStamps: false)
        if unskipped.lines != bands.top.lines, !unskipped.pieces.isEmpty || !unskipped.scraps.isEmpty { bands.poorlyReadTop = unskipped }
        let readable = lines.filter { line in (meanConfidence(line.1.words) ?? 1) >= 0.5 }.enumerated()
            .sorted { ($0.element.1.box?.top ?? $0.offset, $0.offset) < ($1.element.1.box?.top ?? $1.offset, $1.offset) }.map(\.element)
        let firsts = [readable.first, readable.first { !bands.top.lines.contains($0.0) }].compactMap { $0?.1.words.first { !isDebris($0) }?.text }
        bands.firstWords = firsts.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        if !bands.footerTagged {
            let rest = lines.filter { !bands.top.lines.contains($0.0) }
            bands.bottom = band(rest, page: page, atTop: false, lineHeight: height)
            let unskippedBottom = band(rest, page: page, atTop: false, lineHeight: height, skipStamps: false)
            if unskippedBottom.lines != bands.bottom.lines, !unskippedBottom.pieces.isEmpty || !unskippedBottom.scraps.isEmpty { bands.poorlyReadBottom = unskippedBottom }
            if bands.bottom.pieces.isEmpty {
                bands.bottom = band(rest, page: page, atTop: false, lineHeight: height, anywhere: true)
                bands.bottom.inZone = false
            }
        }
        return bands
    }

    /// The topmost (or bottommost) line and the lines level with it, when in the outer fifth of
    /// the page, cut into pieces; without boxes, the first (or last) line in reading order.
    static func band(_ lines: [(LineAddress, TextLine)], page: PageText, atTop: Bool, lineHeight: Int, anywhere: Bool = false, skipStamps: Bool = true) -> Band {
        let chosen = bandLines(lines, page: page, atTop: atTop, anywhere: anywhere, skipStamps: skipStamps)
        var band = Band()
        let tallest = chosen.flatMap(\.1.words).filter { ($0.confidence ?? 1) >= 0.5 }.compactMap(\.box?.height).max() ?? 0
        let kept = chosen.map { address, line in
            var line = line
            // At the foot a signature mark stays, however poorly read (`*4` at 16%).
            line.words = line.words.filter { word in
                if !atTop && PageMarks.isSignature(word.text) { return true }
                return !isDebris(word) && !isSpeckNumber(word, lineHeight: lineHeight) && !isFlatScrap(word, tallest: tallest)
            }
            return (address, line)
        }
        band.pieces = pieces(kept.map(\.1), lineHeight: lineHeight)
        if !atTop { band.pieces = band.pieces.flatMap { splitSignature($0, words: kept.flatMap(\.1.words)) } }
        let keptWords = Set(kept.flatMap(\.1.words))
        let scraps = chosen.flatMap(\.1.words).filter { word in
            !keptWords.contains(word) && word.box != nil && word.text.contains { $0.isLetter || $0.isNumber } && !isFlatScrap(word, tallest: tallest)
        }.map { Piece(text: $0.text, box: $0.box, confidence: $0.confidence) }
        guard !band.pieces.isEmpty else {
            var empty = Band()
            empty.debris = Set(chosen.map(\.0))
            empty.scraps = scraps
            return empty
        }
        band.scraps = scraps
        band.lines = Set(chosen.map(\.0))
        let boxes = kept.flatMap { $0.1.words.compactMap(\.box) }
        band.box = BoundingBox.union(of: boxes)
        band.height = TextFrame.percentile(kept.compactMap(\.1.box?.height), 0.5) ?? 0
        let boxed = lines.filter { $0.1.box != nil }
        band.apart = boxed.count == lines.count && !boxes.isEmpty && standsApart(chosen.compactMap(\.1.box), from: boxed, atTop: atTop)
        if boxed.count < lines.count { band.apart = true }  // no boxes: the first line is all we know
        return band
    }

    /// A foot piece that is a signature mark set close to one word (`D3 tödts`) cut in two: the
    /// mark, and the word, which the mark shows to be the catch-word.
    static func splitSignature(_ piece: Piece, words: [Word]) -> [Piece] {
        guard piece.readings.isEmpty, !PageMarks.isSignature(piece.text), let box = piece.box else { return [piece] }
        let inside = words.filter { word in word.box.map { $0.left >= box.left && $0.right <= box.right && $0.bottom > box.top && $0.top < box.bottom } ?? false }
            .sorted { ($0.box?.left ?? 0) < ($1.box?.left ?? 0) }
        guard inside.count >= 2, inside.map(\.text).joined(separator: " ") == piece.text, let last = inside.last, last.text.contains(where: \.isLetter) else { return [piece] }
        let mark = Array(inside.dropLast())
        let markText = mark.map(\.text).joined(separator: " ")
        guard PageMarks.isSignature(markText) else { return [piece] }
        return [Piece(text: markText, box: BoundingBox.union(of: mark.compactMap(\.box)), confidence: meanConfidence(mark)),
                Piece(text: last.text, box: last.box, confidence: last.confidence)]
    }

    /// Debris in a band: no letter or digit (dashes read with confidence aside: `— 13 —`), or
    /// one or two characters read with little confidence that are not a number.
    static func isDebris(_ word: Word) -> Bool {
        if !word.text.contains(where: { $0.isLetter || $0.isNumber }) {
            return !(word.text.allSatisfy { "-–—".contains($0) } && (word.confidence ?? 1) >= 0.5)
        }
        return word.text.count <= 2 && (word.confidence ?? 1) < 0.5 && PrintedPageNumber.readings(word.text).isEmpty
    }

    /// A dash or rule read as letters beside a folio (`— 14 —` read `5 14 meme`): a word read with
    /// less than 50% confidence, less than a third as tall as the band's tallest word read with
    /// confidence.
    static func isFlatScrap(_ word: Word, tallest: Int) -> Bool {
        guard let box = word.box, (word.confidence ?? 1) < 0.5 else { return false }
        return box.height * 3 < tallest
    }

    /// A speck that reads as a number: one or two characters read with less than 50% confidence,
    /// less than half as tall as the page's lines (`5` four pixels high in an ornament).
    static func isSpeckNumber(_ word: Word, lineHeight: Int) -> Bool {
        guard let box = word.box, word.text.count <= 2, (word.confidence ?? 1) < 0.5 else { return false }
        return box.height * 2 < lineHeight
    }

    static func bandLines(_ lines: [(LineAddress, TextLine)], page: PageText, atTop: Bool, anywhere: Bool = false, skipStamps: Bool = true) -> [(LineAddress, TextLine)] {
        guard lines.count >= 2 else { return [] }
        guard lines.allSatisfy({ $0.1.box != nil }), page.height > 0 else {
            return atTop ? [lines[0]] : [lines[lines.count - 1]]
        }
        // A line read with less than 25% confidence (a stamp, an ornament) is not where the band
        // is, unless it is digits alone: a folio the OCR barely read (`10` at 16%).
        let boxed = lines.filter { line in
            let known = line.1.words.compactMap(\.confidence)
            return !skipStamps || known.isEmpty || known.reduce(0, +) / Double(known.count) >= 0.25 || isBareNumber(line.1)
        }
        let edge = atTop ? boxed.min { ($0.1.box?.top ?? 0) < ($1.1.box?.top ?? 0) } : boxed.max { ($0.1.box?.bottom ?? 0) < ($1.1.box?.bottom ?? 0) }
        guard let edge, let edgeBox = edge.1.box else { return [] }
        let inZone = atTop ? edgeBox.top * 5 < page.height : edgeBox.bottom * 5 > page.height * 4
        guard inZone || anywhere else { return [] }
        let level = boxed.filter { candidate in
            guard let box = candidate.1.box else { return false }
            let overlap = min(box.bottom, edgeBox.bottom) - max(box.top, edgeBox.top)
            return overlap * 2 >= min(box.height, edgeBox.height)
        }
        guard level.count < lines.count else { return [] }
        return level
    }

    /// A line of arabic digits alone (dashes around them allowed): what a folio reads as.
    static func isBareNumber(_ line: TextLine) -> Bool {
        let text = line.words.map(\.text).joined(separator: " ")
        return PrintedPageNumber(text)?.style == .arabic
    }

    /// The band is further from the nearest other line than lines usually are from each other
    /// (by half a line height): a running header stands apart from the text block.
    static func standsApart(_ band: [BoundingBox], from lines: [(LineAddress, TextLine)], atTop: Bool) -> Bool {
        guard let bandTop = band.map(\.top).min(), let bandBottom = band.map(\.bottom).max() else { return false }
        var gaps: [Int] = []
        let byRegion = Dictionary(grouping: lines, by: \.0.region)
        for (_, regionLines) in byRegion {
            let boxes = regionLines.compactMap(\.1.box).sorted { $0.top < $1.top }
            gaps += zip(boxes, boxes.dropFirst()).map { $1.top - $0.bottom }
        }
        let others = lines.compactMap(\.1.box).filter { atTop ? $0.top >= bandBottom : $0.bottom <= bandTop }
        guard let nearest = atTop ? others.map(\.top).min() : others.map(\.bottom).max() else { return false }
        let gap = atTop ? nearest - bandBottom : bandTop - nearest
        let usual = TextFrame.percentile(gaps, 0.5) ?? 0
        let height = TextFrame.percentile(lines.compactMap { $0.1.box?.height }, 0.5) ?? 1
        return gap > usual + height / 2
    }

    /// The band's words cut into pieces at page numbers and at gaps wider than 2.5 lines.
    static func pieces(_ lines: [TextLine], lineHeight: Int) -> [Piece] {
        let words = lines.flatMap(\.words).enumerated().sorted { a, b in
            guard let left = a.element.box, let right = b.element.box else { return a.offset < b.offset }
            return left.left < right.left
        }.map(\.element)
        var pieces: [Piece] = []
        var current: [Word] = []
        func flush() {
            guard !current.isEmpty else { return }
            let text = current.map(\.text).joined(separator: " ")
            // A piece that reads as a number as a whole (`— 13 —`) is a folio too.
            let readings = PrintedPageNumber.readings(text)
            pieces.append(Piece(text: text, box: BoundingBox.union(of: current.compactMap(\.box)), number: readings.first, readings: readings, confidence: meanConfidence(current)))
            current = []
        }
        let wide = lineHeight * 5 / 2
        for (index, word) in words.enumerated() {
            let gapBefore = index > 0 ? word.box.flatMap { box in words[index - 1].box.map { box.left - $0.right } } : nil
            let gapAfter = index + 1 < words.count ? word.box.flatMap { box in words[index + 1].box.map { $0.left - box.right } } : nil
            // A number is the folio when it stands apart (or, without boxes, at an end of the band);
            // set close to words it belongs to them ("CAPÍTULO I").
            // At an end of the band a gap of one line height sets it apart (`10  Annotationes`).
            let apart = word.box == nil ? (index == 0 || index == words.count - 1)
                : ((gapBefore ?? .max) > wide && (gapAfter ?? .max) > wide) || (gapBefore == nil && (gapAfter ?? .max) > lineHeight) || (gapAfter == nil && (gapBefore ?? .max) > lineHeight)
            let readings = PrintedPageNumber.readings(word.text)
            if apart, !readings.isEmpty {
                flush()
                pieces.append(Piece(text: word.text, box: word.box, number: readings.first, readings: readings, confidence: word.confidence))
                continue
            }
            if let gapBefore, gapBefore > wide { flush() }
            current.append(word)
        }
        flush()
        return pieces
    }

    static func meanConfidence(_ words: [Word]) -> Double? {
        let known = words.compactMap(\.confidence)
        return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
    }

    static func lineHeight(_ lines: [TextLine]) -> Int {
        TextFrame.percentile(lines.compactMap { $0.box?.height }, 0.5) ?? 1
    }
}
