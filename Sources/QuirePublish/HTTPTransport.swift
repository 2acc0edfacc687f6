public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP answer: status, headers (lowercased names) and body.
public struct HTTPReply: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields by lowercased name.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// An answer.
    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends form-encoded POST requests; a protocol so tests can count or fail requests.
public protocol HTTPTransport: Sendable {
    /// POSTs `form` (`application/x-www-form-urlencoded`) to `url` with `headers`; throws when no
    /// answer arrived (connection refused or dropped, timeout).
    func post(_ url: URL, form: [(String, String)], headers: [String: String]) async throws -> HTTPReply
    /// POSTs `form` and one file part (`multipart/form-data`), for uploads.
    func post(_ url: URL, form: [(String, String)], file: FilePart, headers: [String: String]) async throws -> HTTPReply
}

/// A file sent in a multipart request.
public struct FilePart: Sendable {
    /// The form field (`chunk`, `file`).
    public var field: String
    /// The file name given to the server.
    public var fileName: String
    /// The bytes.
    public var data: Data

    public init(field: String, fileName: String, data: Data) {
        self.field = field
        self.fileName = fileName
        self.data = data
    }
}

/// The transport over Foundation's `URLSession`, with no cookie handling of its own (the client
/// keeps its session cookies) and a per-request timeout.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let timeout: TimeInterval

    /// A transport whose requests time out after `timeout` seconds.
    public init(timeout: TimeInterval = 60) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.timeoutIntervalForRequest = timeout
        configuration.urlCache = nil
        self.session = URLSession(configuration: configuration)
        self.timeout = timeout
    }

    public func post(_ url: URL, form: [(String, String)], headers: [String: String]) async throws -> HTTPReply {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded; charset=UTF-8", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = Data(Self.encode(form).utf8)
        return try await send(request)
    }

    public func post(_ url: URL, form: [(String, String)], file: FilePart, headers: [String: String]) async throws -> HTTPReply {
        let boundary = "quire-" + UUID().uuidString
        var body = Data()
        for (name, value) in form {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n".utf8))
            body.append(Data(value.utf8))
            body.append(Data("\r\n".utf8))
        }
        let safeName = file.fileName.replacingOccurrences(of: "\"", with: "_").replacingOccurrences(of: "\r", with: "_").replacingOccurrences(of: "\n", with: "_")
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(safeName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(file.data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        return try await send(request)
    }

    private func send(_ request: URLRequest) async throws -> HTTPReply {
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            guard let key = key as? String, let value = value as? String else { continue }
            fields[key.lowercased()] = value
        }
        return HTTPReply(status: http.statusCode, headers: fields, body: data)
    }

    /// `a=1&b=x%20y`: every byte but unreserved characters percent-encoded.
    static func encode(_ form: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
        allowed.insert(charactersIn: "-._~")
        return form.map { key, value in
            (key.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }
}
