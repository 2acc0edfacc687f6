import Foundation
import Hummingbird
import HTTPTypes
import QuireCatalogue
import QuireCore

/// The page editor's JSON API.
enum API {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Reads a JSON body of at most 2 MiB; a larger one is 413, a malformed one 400.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async -> Result<T, APIFailure> {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: RoomSecurity.maximumBody)
        } catch {
            return .failure(APIFailure(status: .contentTooLarge, message: "the request is larger than 2 MiB"))
        }
        do {
            return .success(try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView)))
        } catch {
            return .failure(APIFailure(status: .badRequest, message: "the request is not the JSON expected: \(error)"))
        }
    }
}

/// A request the API refuses, with its status.
struct APIFailure: Error {
    var status: HTTPResponse.Status
    var message: String

    var response: Response { Pages.error(status, message, json: true) }
}
