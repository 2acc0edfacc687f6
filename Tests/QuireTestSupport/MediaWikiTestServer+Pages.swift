import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The three fields of a Page: page's edit form on the wiki (ProofreadPage's header, body and footer).
public struct PageEditForm: Sendable, Hashable {
    public var header: String
    public var body: String
    public var footer: String
}

extension MediaWikiTestServer {
    /// `index.php?title=…&action=edit` as a person sees it, logged in with the wiki's own login
    /// (`QUIRE_TEST_WEB_USER`; bot passwords work only in api.php): the edit form's header, body
    /// and footer fields, which ProofreadPage fills for a new Page: page from the Index and the
    /// file's text layer. Nil when the form has no body field.
    public func editForm(of title: String) async throws -> PageEditForm? {
        // The process's cookie storage: each test wiki has a port, so a host of its own.
        let configuration = URLSessionConfiguration.default
        configuration.httpCookieStorage = HTTPCookieStorage.shared
        configuration.httpCookieAcceptPolicy = .always
        configuration.httpShouldSetCookies = true
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        func post(_ fields: [(String, String)]) async throws -> [String: Any] {
            var request = URLRequest(url: URL(string: api)!)
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(Self.formEncoded(fields + [("format", "json"), ("formatversion", "2")]).utf8)
            let (data, _) = try await session.data(for: request)
            return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        }
        let tokens = try await post([("action", "query"), ("meta", "tokens"), ("type", "login")])
        let token = ((tokens["query"] as? [String: Any])?["tokens"] as? [String: Any])?["logintoken"] as? String ?? ""
        let login = try await post([
            ("action", "clientlogin"), ("username", credentials["QUIRE_TEST_WEB_USER"] ?? ""), ("password", credentials["QUIRE_TEST_WEB_PASSWORD"] ?? ""),
            ("logintoken", token), ("loginreturnurl", "http://127.0.0.1/"),
        ])
        guard (login["clientlogin"] as? [String: Any])?["status"] as? String == "PASS" else {
            throw StartFailure(reason: "clientlogin failed: \(login)")
        }
        let index = api.replacingOccurrences(of: "/api.php", with: "/index.php")
        let url = URL(string: index + "?" + Self.formEncoded([("title", title), ("action", "edit")]))!
        let (data, _) = try await session.data(from: url)
        let html = String(decoding: data, as: UTF8.self)
        guard let body = Self.textarea("wpTextbox1", in: html) else { return nil }
        return PageEditForm(header: Self.textarea("wpHeaderTextbox", in: html) ?? "", body: body, footer: Self.textarea("wpFooterTextbox", in: html) ?? "")
    }

    /// An anonymous `api.php` GET with `format=json&formatversion=2`: the decoded answer.
    public func query(_ fields: [(String, String)]) async throws -> [String: Any] {
        let url = URL(string: api + "?" + Self.formEncoded(fields + [("format", "json"), ("formatversion", "2")]))!
        let (data, _) = try await URLSession.shared.data(from: url)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// The `query.pages` of an answer, by title.
    public func pages(_ fields: [(String, String)]) async throws -> [String: [String: Any]] {
        let answer = try await query([("action", "query")] + fields)
        let pages = (answer["query"] as? [String: Any])?["pages"] as? [[String: Any]] ?? []
        return Dictionary(pages.compactMap { page in (page["title"] as? String).map { ($0, page) } }, uniquingKeysWith: { $1 })
    }

    static func formEncoded(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    /// The unescaped content of the textarea whose id is `id`.
    static func textarea(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\""), let open = html[start.upperBound...].range(of: ">"),
            let close = html[open.upperBound...].range(of: "</textarea>")
        else { return nil }
        var text = String(html[open.upperBound..<close.lowerBound])
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#039;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        // The HTML parser drops one line break after <textarea>; MediaWiki writes one when the text starts with one.
        return text.hasPrefix("\n") ? String(text.dropFirst()) : text
    }
}
