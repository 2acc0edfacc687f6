import Foundation
public import QuireCore

/// Builds an Index's `<pagelist … />` from the numbers printed on the pages.
///
/// ProofreadPage reads `<pagelist>` thus (`Pagination/PageList.php`): a key `N=v` with a number
/// `v` sets the offset from page N onwards (page p shows `p − N + v`); a display mode (`roman`,
/// `highroman`) or a label (`–`) applies only to the pages its key covers (`N` or `AtoB`).
/// So the builder writes, for each run of pages whose printed numbers share style and offset:
/// the offset at the run's first page when it changes, and for roman runs a range with the mode
/// up to the page before the next run. Pages before the first run, and pages between runs that
/// the previous run's numbering would give a number the next run also gives, are labelled with
/// the profile's label for unnumbered pages. Pages after the last run continue its numbering.
public enum PageListBuilder {
    /// `<pagelist 1=– 2=1 />` for `numbers` (physical page → printed number) in a scan of
    /// `pageCount` pages; `<pagelist />` when no number is known.
    public static func pagelist(numbers: [PageNumber: PrintedPageNumber], pageCount: Int, unnumberedLabel: String) -> String {
        let attributes = entries(numbers: numbers, pageCount: pageCount, unnumberedLabel: unnumberedLabel)
        return attributes.isEmpty ? "<pagelist />" : "<pagelist " + attributes.joined(separator: " ") + " />"
    }

    /// A run of pages numbered alike.
    private struct Run {
        let first: Int
        var last: Int
        let value: Int
        let style: PrintedPageNumber.Style
        var offset: Int { first - value }
    }

    /// The attributes (`1=–`, `2=1`, `3to6=roman`) in page order.
    static func entries(numbers: [PageNumber: PrintedPageNumber], pageCount: Int, unnumberedLabel: String) -> [String] {
        let sorted = numbers.filter { $0.key.rawValue <= pageCount }.sorted { $0.key < $1.key }
        var runs: [Run] = []
        for (page, number) in sorted {
            if var last = runs.last, last.style == number.style, page.rawValue - number.value == last.offset {
                last.last = page.rawValue
                runs[runs.count - 1] = last
            } else {
                runs.append(Run(first: page.rawValue, last: page.rawValue, value: number.value, style: number.style))
            }
        }
        guard let firstRun = runs.first else { return [] }
        var out: [String] = []
        if firstRun.first > 1 { out.append(range(1, firstRun.first - 1) + "=" + quoted(unnumberedLabel)) }
        var currentOffset = 0
        for (index, run) in runs.enumerated() {
            let next = index + 1 < runs.count ? runs[index + 1] : nil
            // Pages after this run's last number: continue it while that does not collide.
            var extent = run.last
            if let next {
                while extent + 1 < next.first, !(run.style == next.style && extent + 1 - run.offset >= next.value) { extent += 1 }
            } else {
                extent = pageCount
            }
            let mode = PrintedPageNumber(value: run.value, style: run.style)?.displayMode
            var offsetEntry = run.offset != currentOffset ? "\(run.first)=\(run.value)" : nil
            var modeEntry = mode.map { range(run.first, extent) + "=" + $0 }
            if let entry = offsetEntry, let mode, extent == run.first {
                offsetEntry = entry + ";" + mode  // one key per page: `7=1;roman`
                modeEntry = nil
            }
            out += [offsetEntry, modeEntry].compactMap { $0 }
            currentOffset = run.offset
            if let next, extent + 1 < next.first {
                out.append(range(extent + 1, next.first - 1) + "=" + quoted(unnumberedLabel))
            }
        }
        return out
    }

    private static func range(_ from: Int, _ to: Int) -> String {
        from == to ? "\(from)" : "\(from)to\(to)"
    }

    /// A label as an attribute value: bare when it has no space, quote or `=`, else in quotes.
    private static func quoted(_ label: String) -> String {
        label.contains(where: { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "/" || $0 == ">" }) ? "\"\(label.replacingOccurrences(of: "\"", with: "&quot;"))\"" : label
    }
}
