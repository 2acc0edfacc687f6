import Hummingbird
import HTTPTypes
import NIOCore
import QuireCatalogue
import QuireCore

/// A request's context in the room: who is signed in, and from where.
struct RoomContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The signed-in session, set by ``SessionMiddleware``.
    var session: AccountSession?
    /// The raw session token from the cookie (for logout).
    var sessionToken: String?
    /// The client's address, for rate limits.
    let client: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The room reads bodies itself, up to 2 MiB.
    var maxUploadSize: Int { RoomSecurity.maximumBody }
}

/// Finds the session of every request from its cookie, refuses state-changing requests without
/// the session's CSRF token, and puts the security headers on every response.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = RoomContext
    let catalogue: Catalogue

    func handle(_ request: Request, context: RoomContext, next: (Request, RoomContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[RoomSecurity.sessionCookie]?.value, !token.isEmpty {
            context.session = try? catalogue.session(tokenSHA256: RoomSecurity.digest(token))
            context.sessionToken = token
        }
        let response: Response
        do {
            response = try await checked(request, context: context, next: next)
        } catch let error as any QuireError {
            // A Quire error (a catalogue locked too long, a damaged page) is shown, not hidden behind a bare 500.
            let status: HTTPResponse.Status = error.code == .catalogueBusy ? .serviceUnavailable : .internalServerError
            response = Pages.error(status, error.description, json: request.wantsJSON)
        } catch let error as HTTPError {
            response = Pages.error(error.status, error.body ?? error.status.reasonPhrase, json: request.wantsJSON)
        } catch {
            response = Pages.error(.internalServerError, "internal error: \(error)", json: request.wantsJSON)
        }
        var secured = response
        for (name, value) in RoomSecurity.headers {
            if let field = HTTPField.Name(name), secured.headers[field] == nil { secured.headers[field] = value }
        }
        return secured
    }

    /// Passes the request on when it may go on: reads need nothing, writes the CSRF token.
    private func checked(_ request: Request, context: RoomContext, next: (Request, RoomContext) async throws -> Response) async throws -> Response {
        let response: Response
        if request.method != .get && request.method != .head && request.uri.path != "/login" {
            // Every state-changing request carries the session's token in a header (the API) or
            // a form field (signing out, the rights desk's forms); the login form carries its own
            // double-submit token.
            let given = request.headers[HTTPField.Name(RoomSecurity.csrfHeader)!]
            if let session = context.session, let given, RoomSecurity.same(given, session.csrfToken) {
                response = try await next(request, context)
            } else if let session = context.session, request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
                var request = request
                let buffer = try? await request.collectBody(upTo: RoomSecurity.maximumBody)  // kept in the request for the route
                let form = RoomRoutes.formFields(buffer.map { String(buffer: $0) } ?? "")
                response = RoomSecurity.same(form["csrf"] ?? "", session.csrfToken)
                    ? try await next(request, context)
                    : Pages.error(.forbidden, "This request lacks the form's security token (CSRF); reload the page and try again.", json: request.wantsJSON)
            } else if context.session == nil {
                response = Pages.error(.unauthorized, "You are not signed in.", json: request.wantsJSON)
            } else {
                response = Pages.error(.forbidden, "This request lacks the form's security token (CSRF); reload the page and try again.", json: request.wantsJSON)
            }
        } else {
            response = try await next(request, context)
        }
        return response
    }
}

extension Request {
    /// An API request (the editor's fetches), answered in JSON.
    var wantsJSON: Bool { uri.path.hasPrefix("/api/") }
}
