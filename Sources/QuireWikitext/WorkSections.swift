import QuireCore

/// The pages a work spans and the sections that cut it out of pages it shares.
struct WorkRange: Hashable, Sendable {
    let title: String
    let from: PageNumber
    let to: PageNumber
    /// The section to start from on `from`, when the page is shared.
    let fromSection: String?
    /// The section to end with on `to`, when the page is shared.
    let toSection: String?
}

/// Marks the works of a scan that holds several with Labeled Section Transclusion:
/// `<section begin="sK" />…<section end="sK" />` around the blocks of work K on every page it
/// shares with other text, so that its main page can take `fromsection`/`tosection`.
enum WorkSections {
    /// Validates the works, marks the shared pages' blocks, and returns each work's range.
    /// `drafts` must be in physical order.
    static func apply(_ works: [WorkSpan], to drafts: inout [PageDraft]) throws(WikitextError) -> [WorkRange] {
        guard let firstPage = drafts.first?.number, let lastPage = drafts.last?.number else { return [] }
        let counts = Dictionary(drafts.map { ($0.number, $0.blocks.count) }, uniquingKeysWith: { first, _ in first })
        let blockCount: (PageNumber) -> Int = { counts[$0] ?? 0 }
        for (index, work) in works.enumerated() {
            guard WikiNames.isValidTitle(work.title) else { throw .invalidTitle(work.title, what: "work title") }
            guard work.from <= work.to, work.from >= firstPage, work.to <= lastPage else {
                throw .invalidWorks("'\(work.title)' runs from page \(work.from) to \(work.to), outside pages \(firstPage)–\(lastPage) or backwards")
            }
            guard work.firstBlock >= 0, work.firstBlock == 0 || work.firstBlock < blockCount(work.from) else {
                throw .invalidWorks("'\(work.title)' starts at block \(work.firstBlock) of page \(work.from), which has \(blockCount(work.from)) blocks")
            }
            if index > 0 {
                let previous = works[index - 1]
                guard work.from > previous.to || (work.from == previous.to && work.firstBlock > (previous.from == previous.to ? previous.firstBlock : 0)) else {
                    throw .invalidWorks("'\(work.title)' does not start after '\(previous.title)' ends")
                }
            }
        }
        var ranges: [WorkRange] = []
        for (index, work) in works.enumerated() {
            let name = "s\(index + 1)"
            let next = index + 1 < works.count ? works[index + 1] : nil
            let lastBlockOnTo = blockCount(work.to) - 1
            let endBlock = next.map { $0.from == work.to ? $0.firstBlock - 1 : lastBlockOnTo } ?? lastBlockOnTo
            let startShared = work.firstBlock > 0
            let endShared = endBlock < lastBlockOnTo
            var fromSection: String?
            var toSection: String?
            if startShared || (work.from == work.to && endShared) {
                let end = work.from == work.to ? endBlock : blockCount(work.from) - 1
                mark(&drafts, page: work.from, blocks: work.firstBlock...max(work.firstBlock, end), name: name)
                fromSection = name
                if work.from == work.to { toSection = name }
            }
            if endShared && work.from != work.to, endBlock >= 0 {
                mark(&drafts, page: work.to, blocks: 0...endBlock, name: name)
                toSection = name
            }
            ranges.append(WorkRange(title: work.title, from: work.from, to: work.to, fromSection: fromSection, toSection: toSection))
        }
        return ranges
    }

    private static func mark(_ drafts: inout [PageDraft], page: PageNumber, blocks: ClosedRange<Int>, name: String) {
        guard let index = drafts.firstIndex(where: { $0.number == page }), drafts[index].blocks.indices.contains(blocks.lowerBound),
              drafts[index].blocks.indices.contains(blocks.upperBound) else { return }
        drafts[index].blocks[blocks.lowerBound].sectionBegin = name
        drafts[index].blocks[blocks.upperBound].sectionEnd = name
    }
}
