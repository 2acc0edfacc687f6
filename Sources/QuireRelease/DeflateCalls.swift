internal import CDeflate
import QuireCore

/// Every call into zlib: content streams and metadata compressed for `FlateDecode`.
enum DeflateCalls {
    /// `bytes` as one zlib stream (`compress2`, level 9: text layers are small, and every byte counts against the scan's size).
    static func compress(_ bytes: [UInt8]) throws(ReleaseError) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(size))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &size, input.baseAddress, uLong(input.count), 9)
            }
        }
        guard status == Z_OK else {
            throw ReleaseError(.internalError, "zlib could not compress a stream (status \(status))", remedy: "report this as a bug of Quire")
        }
        return Array(output.prefix(Int(size)))
    }
}
