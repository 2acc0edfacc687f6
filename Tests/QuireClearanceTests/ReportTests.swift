import Foundation
import QuireClearance
import QuireCore
import Testing

private typealias F = Fixture

@Suite("Clearance report")
struct ReportTests {
    static func entry(_ id: String, _ title: String, _ facts: ClearanceFacts, _ history: [ClearanceEvent] = []) -> ClearanceReport.Entry {
        ClearanceReport.Entry(id: DocumentID(id)!, title: title, facts: facts, history: history)
    }

    static let cleared: [ClearanceEvent] = [
        ClearanceEvent(document: DocumentID("old")!, kind: .transition, target: .esWikisource, from: .uncleared, to: .inReview, actor: "Ana", reason: "r", at: "2026-11-01T10:00:00Z"),
        ClearanceEvent(document: DocumentID("old")!, kind: .transition, target: .esWikisource, from: .inReview, to: .cleared, actor: "Ana", reason: "r", at: "2026-11-02T10:00:00Z"),
        ClearanceEvent(document: DocumentID("old")!, kind: .facts, actor: "Luis", reason: "r", detail: "place: unknown → Talca"),
        ClearanceEvent(document: DocumentID("old")!, kind: .override, target: .commons, actor: "Luis", reason: "test upload", detail: "quire publish"),
    ]

    static let report = ClearanceReport(
        entries: [
            entry("recent", "Recent, \"quoted\" <b>title</b>", F.facts([F.person("Ana", died: 1990)], published: 1960, in: "ES")),
            entry("old", "=HYPERLINK(\"http://x\")", F.facts([F.person("Bea", died: 1900)], published: 1890, in: "ES"), cleared),
        ],
        targets: [.esWikisource, .commons], asOf: F.asOf)

    @Test func rowsPerDocumentAndTargetWithStatusVerdictFreeDateAndMissingFacts() throws {
        let rows = Self.report.rows
        #expect(rows.map(\.document) == ["old", "old", "recent", "recent"])
        #expect(rows.map(\.target) == ["es.wikisource", "commons", "es.wikisource", "commons"])
        let old = try #require(rows.first)
        #expect(old.status == "cleared")
        #expect(old.verdict == "free")
        #expect(old.lastDecision == "Ana, 2026-11-02T10:00:00Z")
        #expect(old.factsChangedSinceDecision)
        #expect(rows[1].overrides == 1)
        #expect(rows[1].status == "uncleared")
        let recent = rows[2]
        #expect(recent.verdict == "not-free")
        #expect(recent.freeFrom == "2061-01-01")  // ES life+70 after 1990
        #expect(Self.report.totals.rows == 4)
        #expect(Self.report.totals.byStatus == ["cleared": 1, "uncleared": 3])
        #expect(Self.report.totalsByTarget["commons"]?.byVerdict["free"] == 1)
        #expect(Self.report.documents == 2)
    }

    @Test func csvQuotesAndDefusesFormulas() {
        let csv = Self.report.csv()
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == ClearanceReport.columns.joined(separator: ","))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(csv.contains("\"Recent, \"\"quoted\"\" <b>title</b>\""))
        #expect(lines.count == 6)  // header, 4 rows, final empty
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let object = try JSONSerialization.jsonObject(with: Data(Self.report.json().utf8)) as? [String: Any]
        #expect(object?["as_of"] as? String == "2026-11-24")
        #expect((object?["rows"] as? [[String: Any]])?.first?["free_from"] is NSNull || (object?["rows"] as? [[String: Any]])?.first?["free_from"] == nil)
        #expect(((object?["totals"] as? [String: Any])?["by_status"] as? [String: Int])?["cleared"] == 1)
        #expect((object?["rows"] as? [[String: Any]])?.count == 4)
    }

    @Test func htmlIsSelfContainedEscapedSortableAndFilterable() {
        let html = Self.report.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("<b>title</b>"))
        #expect(html.contains("&lt;b&gt;title&lt;/b&gt;"))
        #expect(html.contains("&quot;quoted&quot;"))
        // Nothing loaded from elsewhere.
        #expect(!html.contains(" src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        // Filters are there, a section per document with a line per target.
        #expect(html.components(separatedBy: "<section class=\"doc\"").count - 1 == Self.report.documentFacts.count)
        #expect(html.contains("id=\"q\""))
        #expect(html.contains("data-filter=\"status\""))
        #expect(html.components(separatedBy: "<tr class=\"s-").count - 1 == 4)
    }
}
