/// A page image as a PDF or DjVu writer takes it: compressed bytes in one of the encodings a PDF
/// decodes itself, so that a scan is passed through without being decoded and encoded again.
public struct EncodedPageImage: Sendable, Hashable {
    /// How `bytes` are encoded.
    public enum Encoding: String, Sendable, Hashable {
        /// A JPEG file's bytes, unchanged (PDF `DCTDecode`).
        case jpeg
        /// CCITT Group 4 fax data of a bilevel image (PDF `CCITTFaxDecode`, K = -1).
        case ccittG4
        /// zlib data of the raster rows (PDF `FlateDecode`), with PNG row predictors when
        /// `pngPredictors` is set (a PNG's own data, passed through).
        case flate
    }

    /// The colour model of the samples.
    public enum Colour: Sendable, Hashable {
        case gray
        case rgb
        case cmyk
        /// Indices into `palette`, RGB triples.
        case indexed(palette: [UInt8])
    }

    public var encoding: Encoding
    public var width: Int
    public var height: Int
    public var bitsPerComponent: Int
    public var colour: Colour
    /// Flate data whose rows carry PNG predictor bytes.
    public var pngPredictors: Bool
    /// For CCITT data, PDF's `/BlackIs1`: false for min-is-white data (Leptonica's G4), whose
    /// black runs then decode to 0, which `DeviceGray` shows black.
    public var blackIs1: Bool
    /// Pixels per inch, 0 when unknown.
    public var dpi: Int
    public var bytes: [UInt8]

    public init(
        encoding: Encoding, width: Int, height: Int, bitsPerComponent: Int, colour: Colour,
        pngPredictors: Bool = false, blackIs1: Bool = false, dpi: Int, bytes: [UInt8]
    ) {
        self.encoding = encoding
        self.width = width
        self.height = height
        self.bitsPerComponent = bitsPerComponent
        self.colour = colour
        self.pngPredictors = pngPredictors
        self.blackIs1 = blackIs1
        self.dpi = dpi
        self.bytes = bytes
    }

    /// The number of colour components per sample.
    public var components: Int {
        switch colour {
        case .gray, .indexed: 1
        case .rgb: 3
        case .cmyk: 4
        }
    }
}
