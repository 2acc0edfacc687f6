import Foundation
import QuireCore
internal import ZIPFoundation

/// Every call into ZIPFoundation: the EPUB container written in memory, entries in the order
/// given, `mimetype` first and stored, every entry with the same fixed time and permissions, so
/// the same files always give the same bytes.
enum ZIPCalls {
    /// The time stamped on every entry: 1980-01-01 00:00:00 UTC, the first a ZIP can hold.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// The ZIP container of `files`, in their order; `stored` files without compression, the
    /// rest deflated.
    static func archive(_ files: [EPUBFile]) throws(EPUBError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for file in files {
                let data = Data(file.bytes)
                try archive.addEntry(
                    with: file.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    permissions: 0o644, compressionMethod: file.stored ? .none : .deflate,
                    provider: { position, size in data.subdata(in: Int(position)..<(Int(position) + size)) })
            }
            guard let bytes = archive.data else { throw Archive.ArchiveError.unwritableArchive }
            return [UInt8](bytes)
        } catch {
            throw EPUBError(.internalError, "the EPUB container could not be written: \(error)", remedy: "report this as a bug of Quire")
        }
    }

    /// The entries of a ZIP container in order, with their bytes and whether they are stored (for tests and checks).
    static func entries(_ bytes: [UInt8]) throws(EPUBError) -> [EPUBFile] {
        do {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            var files: [EPUBFile] = []
            for entry in archive {
                var data = Data()
                _ = try archive.extract(entry, consumer: { data.append($0) })
                files.append(EPUBFile(path: entry.path, bytes: [UInt8](data), stored: entry.type == .file && !entry.isCompressed))
            }
            return files
        } catch {
            throw EPUBError(.invalidInput, "not a readable EPUB container: \(error)", remedy: "check the file")
        }
    }
}
