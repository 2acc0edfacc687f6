import QuireCore

/// Folios the OCR misread, restored from the sequence of the document's other folios.
extension RunningHeaderDetector {
    /// A misread folio: which band of the page holds it, the piece (an index into the band's
    /// pieces, or into its scraps when `scrap`), and the number it stands for.
    struct MisreadFolio {
        var atTop: Bool
        var piece: Int
        var number: PrintedPageNumber
        var scrap = false
        /// In the band as read without passing over lines read with less than 25% confidence.
        var poor = false
    }

    /// The longest a scrap that stands for a folio may be, in characters (`IF` for 15, `€ ke` for `II.`).
    static let misreadFolioLength = 4

    /// How far (fractions of the page's width and height) a scrap may stand from where another
    /// page prints its folio, or from the mirror image of that place (verso and recto pages
    /// print theirs on opposite sides).
    static let folioPlaceTolerance = (x: 0.05, y: 0.04)

    /// Letters OCR reads for digits in a folio (`ss` for 55, `S` for 5, `ıı` for 11, `g3` for 93):
    /// a reading through them counts only where it is the very number the document's folio
    /// sequence gives the page.
    static let folioLookalikes: [Character: Character] = [
        "I": "1", "l": "1", "|": "1", "i": "1", "ı": "1", "!": "1", "O": "0", "o": "0", "D": "0", "Q": "0",
        "S": "5", "s": "5", "$": "5", "Z": "2", "z": "2", "B": "8", "G": "6", "b": "6", "g": "9", "q": "9", "A": "4", "T": "7",
    ]

    /// The arabic number `text` reads as once every lookalike letter is a digit (a final stop or
    /// comma allowed), or nil.
    static func lookalikeNumber(_ text: String) -> PrintedPageNumber? {
        var core = Substring(text.filter { !$0.isWhitespace })
        while let last = core.last, ".,".contains(last) { core = core.dropLast() }
        let digits = String(core.map { folioLookalikes[$0] ?? $0 })
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return PrintedPageNumber(digits)
    }

    /// Folios the OCR misread (`IF` for 15, `De` for `5.`, `4` read with 29% for 9), on untagged
    /// pages with no accepted number, in two passes:
    ///
    /// 1. a piece or scrap of the top or bottom band that reads, through letters OCR puts for
    ///    digits (``folioLookalikes``), as the number that an accepted folio's style and offset
    ///    from the physical page give the page (`ss` on the page before `56.` is 55), standing
    ///    where that page prints it (or at its mirror image) is that number; a folio in digits
    ///    read with 50% confidence or more that no other page agreed with (`4` in a short
    ///    excerpt) serves as well, and is accepted once such a scrap bears it out;
    /// 2. then, with those numbers accepted too, a piece of the top or bottom band of at most
    ///    four characters, or a word of the band left out as debris (`A` at 32%, `z` at 0%),
    ///    none of whose readings the sequence gives (a number read with 50% confidence or more is
    ///    as printed, out of sequence or not, and a number in another style is of another
    ///    sequence), standing where another page prints its accepted
    ///    folio or at its mirror image, is the number the sequence gives the page. The sequence
    ///    is the style and offset from the physical page shared by the accepted number of the
    ///    page's nearest numbered neighbour and at least one other page.
    static func misreadFolios(_ bands: [PageNumber: Bands], pages: [PageNumber: PageText], accepted: [PageNumber: PrintedPageNumber]) -> [PageNumber: MisreadFolio] {
        func offset(_ page: PageNumber, _ number: PrintedPageNumber) -> Int { page.rawValue - number.value }
        func places(_ accepted: [PageNumber: PrintedPageNumber], _ found: [PageNumber: MisreadFolio]) -> [(page: PageNumber, x: Double, y: Double)] {
            var places: [(page: PageNumber, x: Double, y: Double)] = []
            for (page, number) in accepted {
                guard let band = bands[page], !band.tagged, let text = pages[page], text.width > 0, text.height > 0 else { continue }
                let box: BoundingBox? = if let folio = found[page] { folioBox(folio, in: band) } else {
                    (band.top.pieces + band.bottom.pieces).first(where: { $0.readings.contains(number) })?.box
                }
                guard let box else { continue }
                let place = centre(box, in: text)
                places.append((page, place.x, place.y))
            }
            return places
        }
        func standsAt(_ piece: Piece, on page: PageNumber, in text: PageText, _ places: [(page: PageNumber, x: Double, y: Double)]) -> Bool {
            guard let box = piece.box else { return false }
            let here = centre(box, in: text)
            return places.contains { place in
                place.page != page && abs(place.y - here.y) < folioPlaceTolerance.y
                    && (abs(place.x - here.x) < folioPlaceTolerance.x || abs(1 - place.x - here.x) < folioPlaceTolerance.x)
            }
        }
        var accepted = accepted
        var found: [PageNumber: MisreadFolio] = [:]
        // 1. Lookalike readings that are the number an accepted folio's sequence gives the page,
        // or a folio in digits read with 50% confidence or more that no other page agreed with
        // (a short excerpt: `4` beside `S` for 5); such a folio is then accepted too.
        var plain: [PageNumber: MisreadFolio] = [:]
        for (page, band) in bands where accepted[page] == nil && !band.tagged {
            for (atTop, pieces) in [(true, band.top.pieces), (false, band.bottom.pieces)] {
                guard let index = pieces.firstIndex(where: { PrintedPageNumber.isPlainArabic($0.text) && ($0.confidence ?? 1) >= 0.5 }),
                      let number = pieces[index].readings.first(where: { $0.style == .arabic }) else { continue }
                plain[page] = MisreadFolio(atTop: atTop, piece: index, number: number)
                break
            }
        }
        let anchors = accepted.merging(plain.mapValues(\.number)) { old, _ in old }
        let anchorPlaces = places(anchors, [:])
        for (page, band) in bands where anchors[page] == nil && !band.tagged {
            guard let text = pages[page], text.width > 0, text.height > 0 else { continue }
            search: for atTop in [true, false] {
                for (index, scrap, poor, piece) in candidates(of: band, atTop: atTop) {
                    guard piece.text.filter({ !$0.isWhitespace }).count <= misreadFolioLength, let number = lookalikeNumber(piece.text),
                          let anchor = anchors.first(where: { $0.key != page && $0.value.style == .arabic && offset($0.key, $0.value) == offset(page, number) }),
                          standsAt(piece, on: page, in: text, anchorPlaces) else { continue }
                    found[page] = MisreadFolio(atTop: atTop, piece: index, number: number, scrap: scrap, poor: poor)
                    if accepted[anchor.key] == nil, let folio = plain[anchor.key] { found[anchor.key] = folio }
                    break search
                }
            }
        }
        for (page, folio) in found { accepted[page] = folio.number }
        // 2. Scraps where the sequence of two pages or more gives a number.
        let sequencePlaces = places(accepted, found)
        for (page, band) in bands where accepted[page] == nil && !band.tagged {
            guard let text = pages[page], text.width > 0, text.height > 0,
                  let nearest = accepted.min(by: { (abs($0.key.rawValue - page.rawValue), $0.key.rawValue) < (abs($1.key.rawValue - page.rawValue), $1.key.rawValue) }) else { continue }
            let sequence = (nearest.value.style, offset(nearest.key, nearest.value))
            guard accepted.contains(where: { $0.key != nearest.key && $0.value.style == sequence.0 && offset($0.key, $0.value) == sequence.1 }),
                  let number = PrintedPageNumber(value: page.rawValue - sequence.1, style: sequence.0) else { continue }
            search: for atTop in [true, false] {
                for (index, scrap, poor, piece) in candidates(of: band, atTop: atTop) {
                    // A number in another style belongs to another sequence (`vi` of a preface before `4`).
                    guard piece.text.filter({ !$0.isWhitespace }).count <= misreadFolioLength, !piece.readings.contains(number),
                          !piece.readings.contains(where: { $0.style != number.style }),
                          piece.readings.isEmpty || (piece.confidence ?? 1) < 0.5, standsAt(piece, on: page, in: text, sequencePlaces) else { continue }
                    found[page] = MisreadFolio(atTop: atTop, piece: index, number: number, scrap: scrap, poor: poor)
                    break search
                }
            }
        }
        return found
    }

    /// The band's pieces, then its scraps (words left out as debris), with their index; then
    /// those of the band read without passing over lines read with little confidence.
    private static func candidates(of bands: Bands, atTop: Bool) -> [(Int, Bool, Bool, Piece)] {
        func of(_ band: Band?, poor: Bool) -> [(Int, Bool, Bool, Piece)] {
            guard let band else { return [] }
            return band.pieces.enumerated().map { ($0.offset, false, poor, $0.element) } + band.scraps.enumerated().map { ($0.offset, true, poor, $0.element) }
        }
        return of(atTop ? bands.top : bands.bottom, poor: false) + of(atTop ? bands.poorlyReadTop : bands.poorlyReadBottom, poor: true)
    }

    /// The band that holds a misread folio.
    private static func band(of folio: MisreadFolio, in bands: Bands) -> Band? {
        folio.poor ? (folio.atTop ? bands.poorlyReadTop : bands.poorlyReadBottom) : (folio.atTop ? bands.top : bands.bottom)
    }

    /// The box of a misread folio's piece.
    private static func folioBox(_ folio: MisreadFolio, in bands: Bands) -> BoundingBox? {
        guard let band = band(of: folio, in: bands) else { return nil }
        let pieces = folio.scrap ? band.scraps : band.pieces
        return pieces.indices.contains(folio.piece) ? pieces[folio.piece].box : nil
    }

    /// The bands with each misread folio's piece replaced by the number it stands for (a scrap
    /// put among the band's pieces by its place; a band of debris alone becomes the folio's).
    static func restoring(_ folios: [PageNumber: MisreadFolio], in bands: [PageNumber: Bands]) -> [PageNumber: Bands] {
        var bands = bands
        for (page, folio) in folios {
            guard var bandSet = bands[page], var band = band(of: folio, in: bandSet) else { continue }
            let source = folio.scrap ? band.scraps : band.pieces
            guard source.indices.contains(folio.piece) else { continue }
            let old = source[folio.piece]
            let text = !folio.scrap && old.readings.contains(folio.number) ? old.text : folio.number.text  // a folio accepted as read keeps its print
            let restored = Piece(text: text, box: old.box, number: folio.number, readings: [folio.number], confidence: old.confidence)
            if folio.scrap {
                band.scraps.remove(at: folio.piece)
                if band.pieces.isEmpty {
                    band.lines = band.debris
                    band.debris = []
                    band.box = old.box
                    band.height = old.box?.height ?? 0
                    band.apart = true
                }
                let at = band.pieces.firstIndex { ($0.box?.left ?? 0) > (old.box?.left ?? 0) } ?? band.pieces.count
                band.pieces.insert(restored, at: at)
            } else {
                band.pieces[folio.piece] = restored
            }
            if folio.atTop { bandSet.top = band } else { bandSet.bottom = band }
            bands[page] = bandSet
        }
        return bands
    }

    /// The centre of `box` as fractions of the page's width and height.
    private static func centre(_ box: BoundingBox, in page: PageText) -> (x: Double, y: Double) {
        (Double(box.left + box.right) / 2 / Double(page.width), Double(box.top + box.bottom) / 2 / Double(page.height))
    }
}
