import Foundation
import Hummingbird
import HTTPTypes
import QuireCatalogue
import QuireClearance
import QuireCore
import QuirePipeline

/// The rights desk's routes under /desk: the overview, a document, its two forms (facts and
/// decisions, plain HTML forms with the session's CSRF token), and the clearance report as HTML
/// and CSV. Reading needs a rights officer or an admin, acting a rights officer (``DeskAccess``).
struct DeskRoutes: Sendable {
    let desk: RightsDesk
    var catalogue: Catalogue { desk.desk.catalogue }

    func register(on router: Router<RoomContext>) {
        router.get("/desk") { request, context in
            let session: AccountSession
            switch allowed(context, .read) { case .success(let found): session = found; case .failure(let refusal): return refusal.response }
            let query = request.uri.queryParameters
            let target = query.get("target").flatMap(ClearanceTarget.init(rawValue:))
            let filter = query.get("filter").flatMap(DeskFilter.init(rawValue:)) ?? .all
            let page = query.get("page").flatMap(Int.init).map { max(1, $0) } ?? 1
            return Pages.html(DeskPages.overview(try desk.overview(asOf: ClearanceDesk.today()), target: target, filter: filter, page: page, session: session))
        }
        router.get("/desk/documents/:doc") { request, context in
            let session: AccountSession
            switch allowed(context, .read) { case .success(let found): session = found; case .failure(let refusal): return refusal.response }
            guard let id = documentID(context), let summary = try? catalogue.summary(of: id) else { return notFound() }
            let dossier = try desk.desk.dossier(id, asOf: ClearanceDesk.today())
            return Pages.html(DeskPages.document(dossier, pageCount: summary.pageCount, session: session, doubleReview: try desk.desk.doubleReview()))
        }
        router.post("/desk/documents/:doc/facts") { request, context in
            let session: AccountSession
            switch allowed(context, .act) { case .success(let found): session = found; case .failure(let refusal): return refusal.response }
            guard let id = documentID(context), (try? catalogue.summary(of: id)) != nil else { return notFound() }
            let form = RoomRoutes.formFields(try await body(request))
            switch DeskForms.factsChange(form) {
            case .failure(let problem):
                return try page(id, session: session, message: problem.message, status: .badRequest)
            case .success(let change):
                do {
                    try desk.desk.setFacts(id, change, actor: session.account.name, reason: form["reason"].flatMap { $0.isEmpty ? nil : $0 } ?? "recorded at the rights desk")
                } catch let error as any QuireError {
                    return try page(id, session: session, message: "\(error.message) — \(error.remedy)", status: .badRequest)
                }
                return Response(status: .seeOther, headers: [.location: "/desk/documents/\(id.rawValue)"])
            }
        }
        router.post("/desk/documents/:doc/decide") { request, context in
            let session: AccountSession
            switch allowed(context, .act) { case .success(let found): session = found; case .failure(let refusal): return refusal.response }
            guard let id = documentID(context), (try? catalogue.summary(of: id)) != nil else { return notFound() }
            let text = try await body(request)
            let form = RoomRoutes.formFields(text)
            let targets = DeskForms.targets(text)
            guard let status = DeskForms.status(form["action"]), !targets.isEmpty else {
                return try page(id, session: session, message: "Tick at least one target and choose what to do.", status: .badRequest)
            }
            let failures = desk.decide(
                id, targets: targets, to: status, actor: session.account.name, reason: form["reason"] ?? "",
                justification: form["justification"], asOf: ClearanceDesk.today())
            guard failures.isEmpty else {
                let message = failures.map { target, error in "\(target.rawValue): \(error.message) — \(error.remedy)" }.joined(separator: " ")
                let conflict = failures.contains { $0.1.code == .clearanceConflict }
                return try page(id, session: session, message: message, status: conflict ? .conflict : .badRequest)
            }
            return Response(status: .seeOther, headers: [.location: "/desk/documents/\(id.rawValue)"])
        }
        router.get("/desk/report.csv") { _, context in
            if case .failure(let refusal) = allowed(context, .read) { return refusal.response }
            let report = try desk.overview(asOf: ClearanceDesk.today()).report
            return Self.file(report.csv(), type: "text/csv; charset=utf-8", name: "clearance-report-\(report.asOf).csv", attachment: true)
        }
        router.get("/desk/report.html") { request, context in
            if case .failure(let refusal) = allowed(context, .read) { return refusal.response }
            let report = try desk.overview(asOf: ClearanceDesk.today()).report
            var response = Self.file(
                report.html(), type: "text/html; charset=utf-8", name: "clearance-report-\(report.asOf).html",
                attachment: request.uri.queryParameters.get("download") != nil)
            // The report's own inline style and script, in a sandbox: an origin of its own, so no
            // script in it can reach the room's cookies or API.
            response.headers[HTTPField.Name("Content-Security-Policy")!] = "sandbox allow-scripts; default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
            return response
        }
    }

    /// A refusal: not signed in (to the sign-in page), or signed in without the role (403).
    struct Refusal: Error {
        var response: Response
    }

    func allowed(_ context: RoomContext, _ access: DeskAccess) -> Result<AccountSession, Refusal> {
        guard let session = context.session else { return .failure(Refusal(response: RoomRoutes.toLogin())) }
        guard access.allows(session.account.role) else {
            let what = access == .read ? "The rights desk is for rights officers and admins." : "Only a rights officer may record facts and decisions."
            return .failure(Refusal(response: Pages.error(.forbidden, what, json: false)))
        }
        return .success(session)
    }

    /// The document's page again, with what went wrong.
    func page(_ id: DocumentID, session: AccountSession, message: String, status: HTTPResponse.Status) throws -> Response {
        let summary = try catalogue.summary(of: id)
        let dossier = try desk.desk.dossier(id, asOf: ClearanceDesk.today())
        return Pages.html(
            DeskPages.document(dossier, pageCount: summary.pageCount, session: session, doubleReview: try desk.desk.doubleReview(), message: message), status: status)
    }

    func body(_ request: Request) async throws -> String {
        try await Self.formBody(request)
    }

    /// A form's body as text, refused over 2 MiB (413).
    static func formBody(_ request: Request) async throws -> String {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: RoomSecurity.maximumBody) else {
            throw HTTPError(.contentTooLarge, message: "The form is larger than 2 MiB.")
        }
        return String(buffer: buffer)
    }

    func documentID(_ context: RoomContext) -> DocumentID? {
        context.parameters.get("doc").flatMap(DocumentID.init)
    }

    func notFound() -> Response {
        Pages.error(.notFound, "There is no such document.", json: false)
    }

    static func file(_ text: String, type: String, name: String, attachment: Bool) -> Response {
        var response = Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        response.headers[.contentDisposition] = "\(attachment ? "attachment" : "inline"); filename=\"\(name)\""
        return response
    }
}
