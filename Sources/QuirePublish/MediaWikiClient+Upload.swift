public import Foundation
public import QuireCore

/// What became of an upload.
public enum UploadOutcome: Sendable, Hashable {
    /// Uploaded as `File:name`.
    case uploaded(fileName: String)
    /// A file with the same SHA-1 is already on the wiki (`list=allimages&aisha1=`): not sent again.
    case alreadyThere(fileName: String)
    /// Refused: a different file has this name, or the wiki warned or refused (message verbatim).
    case refused(code: String, info: String)
}

extension MediaWikiClient {
    /// The names of files whose current version has this SHA-1 (40 hex digits).
    public func files(withSHA1 sha1: String) async throws(PublishError) -> [String] {
        let json = try await query([("action", "query"), ("list", "allimages"), ("aisha1", sha1), ("aiprop", "sha1"), ("ailimit", "10")])
        return json.object("query")?.objects("allimages").compactMap { $0.string("name") } ?? []
    }

    /// True when `File:name` exists on the wiki.
    public func fileExists(_ name: String) async throws(PublishError) -> Bool {
        let json = try await query([("action", "query"), ("titles", "File:" + name), ("prop", "imageinfo"), ("iiprop", "sha1")])
        guard let page = json.object("query")?.objects("pages").first else { return false }
        return !page.bool("missing") && !page.objects("imageinfo").isEmpty
    }

    /// Uploads `data` as `File:name` in chunks of `chunkSize` bytes through the upload stash,
    /// then publishes it with `comment` and the description page `text`. First looks for the
    /// same content already on the wiki (by SHA-1): found, nothing is sent. A chunk that gets no
    /// answer or is refused is sent again once; if that fails too, the upload restarts from
    /// the first chunk once (a new stash entry), then gives up. A chunk the web server's own
    /// upload limit refuses (`badupload`: PHP's `upload_max_filesize`, 2 MB unless raised, as on
    /// many self-hosted wikis) makes the upload start again with chunks half as large, down to
    /// ``smallestChunk``.
    public func upload(name: String, data: Data, comment: String, text: String, chunkSize: Int = 5 * 1_048_576) async throws(PublishError) -> UploadOutcome {
        let sha1 = SHA1.hex(of: data)
        if let existing = try await files(withSHA1: sha1).first { return .alreadyThere(fileName: existing) }
        if try await fileExists(name) {
            return .refused(code: "fileexists", info: "File:\(name) exists on the wiki with other content")
        }
        var restarted = false
        var size = max(1024, chunkSize)
        while true {
            switch try await stash(name: name, data: data, chunkSize: size) {
            case .success(let filekey):
                return try await commitUpload(name: name, filekey: filekey, comment: comment, text: text, sha1: sha1)
            case .failure(let problem):
                if problem.code == "badupload" && size > Self.smallestChunk {
                    size = max(Self.smallestChunk, size / 2)
                    continue
                }
                if restarted { return .refused(code: "stashfailed", info: problem.description) }
                restarted = true
            }
        }
    }

    /// The smallest chunk an upload falls back to when the server refuses larger ones.
    public static let smallestChunk = 64 * 1024

    /// Sends every chunk; the file key of the complete stash entry, or why it failed.
    private func stash(name: String, data: Data, chunkSize: Int) async throws(PublishError) -> Result<String, StashProblem> {
        var offset = 0
        var filekey: String?
        while offset < data.count {
            let end = min(offset + chunkSize, data.count)
            var tries = 0
            var advanced = false
            while !advanced {
                tries += 1
                var parameters: [(String, String)] = [
                    ("action", "upload"), ("stash", "1"), ("filename", name), ("filesize", String(data.count)),
                    ("offset", String(offset)), ("ignorewarnings", "1"),
                ]
                if let filekey { parameters.append(("filekey", filekey)) }
                parameters.append(("token", try await token()))
                let chunk = FilePart(field: "chunk", fileName: name, data: data.subdata(in: offset..<end))
                switch try await call(parameters, write: true, assertUser: true, file: chunk) {
                case .ok(let json):
                    guard let upload = json.object("upload") else { throw .unreadable("an upload result", api: api.absoluteString) }
                    filekey = upload.string("filekey") ?? filekey
                    switch upload.string("result") {
                    case "Continue":
                        offset = upload.int("offset") ?? end
                    case "Success":
                        guard let filekey else { throw .unreadable("an upload without a file key", api: api.absoluteString) }
                        return .success(filekey)
                    default:
                        return .failure(StashProblem("the wiki answered \(upload.string("result") ?? "nothing") for the chunk at \(offset)"))
                    }
                    advanced = true
                case .apiError(let code, let info):
                    if code == "badtoken" { _ = try await token(refresh: true) }
                    if tries >= 2 || code == "badupload" { return .failure(StashProblem("\(code): \(info)", code: code)) }
                case .noAnswer(let reason):
                    if tries >= 2 { return .failure(StashProblem("no answer for the chunk at \(offset) (\(reason))")) }
                }
            }
        }
        return .failure(StashProblem("the wiki never confirmed the last chunk"))
    }

    private func commitUpload(name: String, filekey: String, comment: String, text: String, sha1: String) async throws(PublishError) -> UploadOutcome {
        let parameters: [(String, String)] = [
            ("action", "upload"), ("filename", name), ("filekey", filekey), ("comment", comment), ("text", text), ("token", try await token()),
        ]
        switch try await call(parameters, write: true, assertUser: true) {
        case .ok(let json):
            guard let upload = json.object("upload") else { throw .unreadable("an upload result", api: api.absoluteString) }
            if upload.string("result") == "Success" { return .uploaded(fileName: upload.string("filename") ?? name) }
            let warnings = upload.object("warnings")?.value.keys.sorted().joined(separator: ", ") ?? "unknown"
            return .refused(code: "upload-warning", info: "the wiki warned: \(warnings)")
        case .apiError(let code, let info):
            return .refused(code: code, info: info)
        case .noAnswer:
            // The wiki may have published it: look for the content before saying anything.
            if let found = try await files(withSHA1: sha1).first { return .uploaded(fileName: found) }
            return .refused(code: "noanswer", info: "no answer when publishing the upload; a rerun checks by SHA-1")
        }
    }
}

/// Why a stash upload failed.
struct StashProblem: Error, Sendable, CustomStringConvertible {
    let description: String
    /// The wiki's error code, when it refused a chunk.
    let code: String?
    init(_ description: String, code: String? = nil) {
        self.description = description
        self.code = code
    }
}
