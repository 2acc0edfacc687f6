import Foundation
import QuireClearance
import QuireCore
import QuirePipeline

/// The rights desk's forms read into the library's values, with the same checks as the CLI's
/// options (`quire clearance set`, `clear`, …). A problem is a message for the officer.
enum DeskForms {
    /// Contributors as the form shows them, one a line: `author: Ana Pérez (1890–1950)`.
    static func contributorLines(_ contributors: [Contributor]) -> String {
        contributors.map { "\($0.role.rawValue): \($0.parseableText)" }.joined(separator: "\n")
    }

    /// The facts form as a change. A blank bibliographic field leaves the fact as it is (as an
    /// option not given on the command line); the rights facts are set to what the form shows,
    /// blank meaning unknown; contributors are read only when their text was edited.
    static func factsChange(_ form: [String: String]) -> Result<FactsChange, DeskFormError> {
        var change = FactsChange()
        func given(_ key: String) -> String? {
            let text = (form[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        let contributorText = (form["contributors"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        if contributorText.trimmingCharacters(in: .whitespacesAndNewlines) != (form["contributors-before"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines) {
            var list: [Contributor] = []
            for line in contributorText.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                var role = ContributorRole.author
                var text = String(line)
                if let colon = line.firstIndex(of: ":"), let named = ContributorRole(rawValue: line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()) {
                    role = named
                    text = String(line[line.index(after: colon)...])
                }
                do {
                    list.append(try Contributor.parse(text.trimmingCharacters(in: .whitespaces), role: role))
                } catch {
                    return .failure(DeskFormError("contributor '\(text.trimmingCharacters(in: .whitespaces))': \(error.message) — \(error.remedy)"))
                }
            }
            change.contributors = list
        }
        if let published = given("published") {
            if published.lowercased() == "unpublished" {
                change.unpublished = true
            } else if let date = HistoricalDate.parse(published) {
                change.published = date
            } else {
                return .failure(DeskFormError("published '\(published)' is not a date: use 1972, 1972-09-04, 1970s, 19th century or 'unpublished'"))
            }
        }
        if let created = given("created") {
            guard let date = HistoricalDate.parse(created) else {
                return .failure(DeskFormError("created '\(created)' is not a date: use 1939, 1939-05-02, 1930s or 19th century"))
            }
            change.created = date
        }
        change.place = given("place")
        change.publisher = given("publisher")
        if let country = given("country") {
            guard let code = CountryCode(country) else { return .failure(DeskFormError("country '\(country)' is not an ISO 3166-1 alpha-2 code such as CL")) }
            change.country = code
        }
        change.rights.official = .some(given("official").flatMap(OfficialWork.init(rawValue:)))
        change.rights.speech = .some(given("speech").flatMap(SpeechVenue.init(rawValue:)))
        change.rights.licence = .some(given("licence").map { Licence($0)?.id ?? $0 })
        change.rights.rightsHolder = .some(given("rights-holder"))
        change.rights.usNotice = .some(tristate(form["us-notice"]))
        change.rights.usRenewed = .some(tristate(form["us-renewed"]))
        if let ticket = given("ticket") { change.rights.addEvidence.append(Evidence(kind: .ticket, value: ticket)) }
        if let url = given("evidence-url") {
            guard DeskLinks.isWebAddress(url) else { return .failure(DeskFormError("evidence URL '\(url)' is not an http(s) URL")) }
            change.rights.addEvidence.append(Evidence(kind: .url, value: url))
        }
        return .success(change)
    }

    private static func tristate(_ text: String?) -> Bool? {
        switch text {
        case "yes": true
        case "no": false
        default: nil
        }
    }

    /// The decision form's move: `review`, `clear`, `reject` or `withdraw`.
    static func status(_ action: String?) -> ClearanceStatus? {
        switch action {
        case "review": .inReview
        case "clear": .cleared
        case "reject": .rejected
        case "withdraw": .uncleared
        default: nil
        }
    }

    /// The targets ticked in a form body (`target=en.wikisource&target=commons`), in order.
    static func targets(_ body: String) -> [ClearanceTarget] {
        body.split(separator: "&").compactMap { pair -> ClearanceTarget? in
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == "target" else { return nil }
            return String(parts[1]).removingPercentEncoding.flatMap(ClearanceTarget.init(rawValue:))
        }
    }
}

/// A form the desk cannot accept, with the message shown to the officer.
struct DeskFormError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Links from catalogue text: only http(s) addresses become links; anything else (a
/// `javascript:` URL, a path) is shown as text.
enum DeskLinks {
    /// Whether `text` is an absolute http or https URL with a host and no spaces or controls.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }),
              let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return false }
        return true
    }

    /// The URL as a link when it is a web address, else as text; escaped either way.
    static func html(_ text: String) -> String {
        guard isWebAddress(text) else { return "<span class=\"url\">\(Pages.escape(text))</span>" }
        return "<a href=\"\(Pages.escape(text))\" rel=\"noopener noreferrer nofollow\">\(Pages.escape(text))</a>"
    }
}
