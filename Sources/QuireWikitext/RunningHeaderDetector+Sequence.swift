import QuireCore

/// Folios the OCR misread, restored from the sequence of the document's other folios.
extension RunningHeaderDetector {
    /// A misread folio: which band of the page holds it, the piece, and the number it stands for.
    struct MisreadFolio {
        var atTop: Bool
        var piece: Int
        var number: PrintedPageNumber
    }

    /// The longest a scrap that stands for a folio may be, in characters (`IF` for 15, `€ ke` for `II.`).
    static let misreadFolioLength = 4

    /// Folios the OCR misread (`IF` for 15, `De` for `5.`, `4` read with 29% for 9): on an
    /// untagged page with no accepted number, a piece of the top or bottom band of at most four
    /// characters, none of whose readings the sequence gives (a number read with 50% confidence
    /// or more is as printed, out of sequence or not), standing where another page prints its accepted folio
    /// (within 5% of the page's width and 4% of its height; verso and recto pages print theirs on
    /// alternate sides, so any page's place counts) is the number the sequence gives the page.
    /// The sequence is the style and offset from the physical page shared by the accepted number
    /// of the page's nearest numbered neighbour and at least one other page.
    static func misreadFolios(_ bands: [PageNumber: Bands], pages: [PageNumber: PageText], accepted: [PageNumber: PrintedPageNumber]) -> [PageNumber: MisreadFolio] {
        func offset(_ page: PageNumber, _ number: PrintedPageNumber) -> Int { page.rawValue - number.value }
        var places: [(page: PageNumber, x: Double, y: Double)] = []
        for (page, number) in accepted {
            guard let band = bands[page], !band.tagged, let text = pages[page], text.width > 0, text.height > 0,
                  let box = (band.top.pieces + band.bottom.pieces).first(where: { $0.readings.contains(number) })?.box else { continue }
            let place = centre(box, in: text)
            places.append((page, place.x, place.y))
        }
        var found: [PageNumber: MisreadFolio] = [:]
        for (page, band) in bands where accepted[page] == nil && !band.tagged {
            guard let text = pages[page], text.width > 0, text.height > 0,
                  let nearest = accepted.min(by: { (abs($0.key.rawValue - page.rawValue), $0.key.rawValue) < (abs($1.key.rawValue - page.rawValue), $1.key.rawValue) }) else { continue }
            let sequence = (nearest.value.style, offset(nearest.key, nearest.value))
            guard accepted.contains(where: { $0.key != nearest.key && $0.value.style == sequence.0 && offset($0.key, $0.value) == sequence.1 }),
                  let number = PrintedPageNumber(value: page.rawValue - sequence.1, style: sequence.0) else { continue }
            for (atTop, pieces) in [(true, band.top.pieces), (false, band.bottom.pieces)] {
                let index = pieces.firstIndex { piece in
                    guard let box = piece.box, piece.text.filter({ !$0.isWhitespace }).count <= misreadFolioLength, !piece.readings.contains(number),
                          piece.readings.isEmpty || (piece.confidence ?? 1) < 0.5 else { return false }
                    let here = centre(box, in: text)
                    return places.contains { $0.page != page && abs($0.x - here.x) < 0.05 && abs($0.y - here.y) < 0.04 }
                }
                if let index {
                    found[page] = MisreadFolio(atTop: atTop, piece: index, number: number)
                    break
                }
            }
        }
        return found
    }

    /// The bands with each misread folio's piece replaced by the number it stands for.
    static func restoring(_ folios: [PageNumber: MisreadFolio], in bands: [PageNumber: Bands]) -> [PageNumber: Bands] {
        var bands = bands
        for (page, folio) in folios {
            guard var band = bands[page] else { continue }
            let pieces = folio.atTop ? band.top.pieces : band.bottom.pieces
            guard pieces.indices.contains(folio.piece) else { continue }
            let old = pieces[folio.piece]
            let restored = Piece(text: folio.number.text, box: old.box, number: folio.number, readings: [folio.number], confidence: old.confidence)
            if folio.atTop { band.top.pieces[folio.piece] = restored } else { band.bottom.pieces[folio.piece] = restored }
            bands[page] = band
        }
        return bands
    }

    /// The centre of `box` as fractions of the page's width and height.
    private static func centre(_ box: BoundingBox, in page: PageText) -> (x: Double, y: Double) {
        (Double(box.left + box.right) / 2 / Double(page.width), Double(box.top + box.bottom) / 2 / Double(page.height))
    }
}
