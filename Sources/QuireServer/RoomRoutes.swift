import Foundation
import Hummingbird
import HTTPTypes
import QuireCatalogue
import QuireCore
import QuireWikitext

/// The room's routes: HTML views, the JSON API, the scans and the static files.
struct RoomRoutes: Sendable {
    let room: ProofreadingRoom
    let accounts: AccountDesk
    let throttle: LoginThrottle
    var catalogue: Catalogue { room.catalogue }

    func register(on router: Router<RoomContext>) {
        router.get("/login") { _, _ in loginForm(message: nil) }
        router.post("/login") { request, context in try await login(request, context: context) }
        router.post("/logout") { request, context in try await logout(request, context: context) }
        router.get("/static/room.css") { _, _ in Self.asset(Assets.css, type: "text/css; charset=utf-8") }
        router.get("/static/room.js") { _, _ in Self.asset(Assets.js, type: "text/javascript; charset=utf-8") }

        router.get("/") { request, context in
            guard let session = context.session else { return Self.toLogin() }
            return Pages.html(Pages.documents(
                try catalogue.summaries(), clearance: try catalogue.clearanceStatuses(),
                ocrRunning: OCRActivity.isRunning(catalogue: catalogue.path), session: session))
        }
        router.get("/documents/:doc") { request, context in
            guard let session = context.session else { return Self.toLogin() }
            guard let id = documentID(context), let summary = try? catalogue.summary(of: id) else { return notFound(request) }
            let filter = request.uri.queryParameters.get("filter").flatMap(Pages.Filter.init(rawValue:))
            let marks = try catalogue.currentRevisions(of: id).mapValues(\.mark)
            return Pages.html(Pages.document(summary, pages: try catalogue.pages(of: id), marks: marks, filter: filter, session: session))
        }
        router.get("/documents/:doc/replace") { request, context in
            guard let session = context.session else { return Self.toLogin() }
            guard let id = documentID(context), let summary = try? catalogue.summary(of: id) else { return notFound(request) }
            return Pages.html(Pages.replace(summary, session: session))
        }
        router.get("/documents/:doc/pages/:page") { request, context in
            guard let session = context.session else { return Self.toLogin() }
            guard let (id, number) = try pageAddress(context), let summary = try? catalogue.summary(of: id) else { return notFound(request) }
            return Pages.html(Pages.editor(summary, number: number, session: session))
        }
        router.get("/scan/:doc/:page") { request, context in
            guard context.session != nil else { return Pages.error(.unauthorized, "You are not signed in.", json: false) }
            guard let (id, number) = try pageAddress(context), let scan = try room.scan(id, number) else { return notFound(request) }
            var response = Response(status: .ok, headers: [.contentType: scan.mediaType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: scan.data)))
            response.headers[.cacheControl] = "private, max-age=3600"
            return response
        }

        router.get("/api/documents/:doc/pages/:page") { request, context in
            guard let session = context.session else { return Pages.error(.unauthorized, "You are not signed in.", json: true) }
            guard let (id, number) = try pageAddress(context), let view = try await room.page(id, number, account: session.account.name) else { return notFound(request) }
            return API.json(view)
        }
        router.post("/api/documents/:doc/pages/:page/save") { request, context in
            try await save(request, context: context)
        }
        router.post("/api/documents/:doc/pages/:page/draft") { request, context in
            guard let session = context.session else { return Pages.error(.unauthorized, "You are not signed in.", json: true) }
            guard let (id, number) = try pageAddress(context) else { return notFound(request) }
            switch await API.decode(SaveRequest.self, from: request) {
            case .failure(let failure): return failure.response
            case .success(let draft):
                guard let edit = draft.fields.edit else { return APIFailure(status: .badRequest, message: "the level must be 0–4").response }
                try catalogue.saveDraft(id, number, account: session.account.name, edit: edit, base: draft.base)
                return API.json(["saved": true])
            }
        }
        router.get("/api/documents/:doc/pages/:page/history") { request, context in
            guard context.session != nil else { return Pages.error(.unauthorized, "You are not signed in.", json: true) }
            guard let (id, number) = try pageAddress(context) else { return notFound(request) }
            return API.json(try catalogue.revisions(id, number).map(PageView.RevisionView.init))
        }
        router.post("/api/documents/:doc/replace") { request, context in
            guard let session = context.session else { return Pages.error(.unauthorized, "You are not signed in.", json: true) }
            guard let id = documentID(context), (try? catalogue.summary(of: id)) != nil else { return notFound(request) }
            switch await API.decode(ReplaceRequest.self, from: request) {
            case .failure(let failure): return failure.response
            case .success(let asked):
                let result = try await room.replace(id, find: asked.find, with: asked.replace, apply: Set(asked.pages ?? []), account: session.account)
                return API.json(ReplaceResult(changes: result.changes, conflicts: result.conflicts))
            }
        }
    }

    struct ReplaceResult: Codable { var changes: [ReplaceChange]; var conflicts: [Int] }

    /// A save: 200 with the new revision, 409 with the current one, 403 with the reason.
    func save(_ request: Request, context: RoomContext) async throws -> Response {
        guard let session = context.session else { return Pages.error(.unauthorized, "You are not signed in.", json: true) }
        guard let (id, number) = try pageAddress(context) else { return notFound(request) }
        switch await API.decode(SaveRequest.self, from: request) {
        case .failure(let failure): return failure.response
        case .success(let asked):
            guard let edit = asked.fields.edit else { return APIFailure(status: .badRequest, message: "the level must be 0–4").response }
            guard Self.readsBack(edit) else {
                return APIFailure(status: .badRequest, message: "the fields hold a <noinclude> or <pagequality> tag that would move text between header, body and footer on the wiki; remove it").response
            }
            switch try catalogue.saveRevision(id, number, edit: edit, base: asked.base, user: session.account.name, role: session.account.role) {
            case .saved(let revision):
                return API.json(["revision": PageView.RevisionView(revision)])
            case .conflict(let current):
                return API.json(ConflictBody(error: "someone saved this page after you opened it", current: PageView.RevisionView(current)), status: .conflict)
            case .levelRefused(let refusal):
                return API.json(["error": refusal.reason], status: .forbidden)
            }
        }
    }

    struct ConflictBody: Codable { var error: String; var current: PageView.RevisionView }

    /// Whether the three fields come back as they are when the wiki reads the Page: text they
    /// make (ProofreadPage's parser, ``PageContent/init(wikitext:)``): a stray `</noinclude>` in
    /// the header would otherwise move text into the body.
    static func readsBack(_ edit: PageEdit) -> Bool {
        let content = PageContent(untrimmedHeader: edit.header, body: edit.body, footer: edit.footer, level: edit.level, user: "Quire")
        return PageContent(wikitext: content.wikitext) == content
    }

    func documentID(_ context: RoomContext) -> DocumentID? {
        context.parameters.get("doc").flatMap(DocumentID.init)
    }

    /// The document and page of the path, when both exist.
    func pageAddress(_ context: RoomContext) throws -> (DocumentID, PageNumber)? {
        guard let id = documentID(context), let number = context.parameters.get("page").flatMap(Int.init).flatMap(PageNumber.init),
              try catalogue.pageLocation(id, number) != nil else { return nil }
        return (id, number)
    }

    func notFound(_ request: Request) -> Response {
        Pages.error(.notFound, "There is no such document or page.", json: request.wantsJSON)
    }

    static func toLogin() -> Response {
        Response(status: .seeOther, headers: [.location: "/login"])
    }

    static func asset(_ text: String, type: String) -> Response {
        var response = Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    // MARK: Signing in and out

    func loginForm(message: String?, status: HTTPResponse.Status = .ok) -> Response {
        let token = RoomSecurity.randomToken()
        var response = Pages.html(Pages.login(token: token, message: message), status: status)
        response.headers[.setCookie] = RoomSecurity.cookie(RoomSecurity.loginCookie, token, maxAge: 3600)
        return response
    }

    func login(_ request: Request, context: RoomContext) async throws -> Response {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: 16 * 1024) else { return loginForm(message: "The form was too large.", status: .contentTooLarge) }
        let form = Self.formFields(String(buffer: buffer))
        guard let expected = request.cookies[RoomSecurity.loginCookie]?.value, let given = form["csrf"], RoomSecurity.same(expected, given) else {
            return loginForm(message: "The form had expired; please sign in again.", status: .forbidden)
        }
        let name = form["name"] ?? ""
        let keys: [LoginThrottle.Key] = [.name(name), .client(context.client)]
        let wait = await throttle.waitBeforeAttempt(keys)
        if wait > 0 {
            var response = loginForm(message: "Too many failed attempts; try again in \(wait) seconds.", status: .tooManyRequests)
            response.headers[.retryAfter] = "\(wait)"
            return response
        }
        guard let account = try accounts.authenticate(name: name, password: form["password"] ?? "") else {
            await throttle.recordFailure(keys)
            return loginForm(message: "Wrong name or password.", status: .unauthorized)
        }
        await throttle.recordSuccess([.name(name)])
        let token = RoomSecurity.randomToken()
        try catalogue.openSession(
            account: account.name, tokenSHA256: RoomSecurity.digest(token), csrfToken: RoomSecurity.randomToken(),
            expiresAt: Date().addingTimeInterval(RoomSecurity.sessionLifetime))
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.headers[.setCookie] = RoomSecurity.cookie(RoomSecurity.sessionCookie, token, maxAge: Int(RoomSecurity.sessionLifetime))
        response.headers.append(HTTPField(name: .setCookie, value: RoomSecurity.cookie(RoomSecurity.loginCookie, "", maxAge: 0)))
        return response
    }

    func logout(_ request: Request, context: RoomContext) async throws -> Response {
        var request = request
        let form = Self.formFields((try? await request.collectBody(upTo: 16 * 1024)).map { String(buffer: $0) } ?? "")
        let header = request.headers[HTTPField.Name(RoomSecurity.csrfHeader)!]
        guard let session = context.session, let token = context.sessionToken,
              RoomSecurity.same(form["csrf"] ?? header ?? "", session.csrfToken) else {
            return Pages.error(.forbidden, "This request lacks the form's security token (CSRF); reload the page and try again.", json: false)
        }
        try catalogue.closeSession(tokenSHA256: RoomSecurity.digest(token))
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.headers[.setCookie] = RoomSecurity.cookie(RoomSecurity.sessionCookie, "", maxAge: 0)
        return response
    }

    /// `application/x-www-form-urlencoded` fields.
    static func formFields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String { String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}
