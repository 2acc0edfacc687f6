/// The language models Tesseract publishes (tessdata, tessdata_fast, tessdata_best) and the codes
/// people type instead of them, so that `quire add --lang es` is refused at once with "did you
/// mean spa?" rather than accepted and later sent to a package that does not exist.
///
/// Data, not logic: Tesseract names its models by ISO 639-2/T codes (`deu`, `fra`, `ces`) with
/// variants (`deu_latf`, `chi_sim`); wikis and web forms use ISO 639-1 (`de`), and library
/// catalogues often ISO 639-2/B (`ger`, `fre`, `cze`).
public enum TesseractLanguages {
    /// Every model name of Tesseract's published language data (4.x/5.x), scripts excluded.
    public static let models: Set<String> = [
        "afr", "amh", "ara", "asm", "aze", "aze_cyrl", "bel", "ben", "bod", "bos", "bre", "bul", "cat", "ceb", "ces",
        "chi_sim", "chi_sim_vert", "chi_tra", "chi_tra_vert", "chr", "cos", "cym", "dan", "dan_frak", "deu", "deu_frak",
        "deu_latf", "div", "dzo", "ell", "eng", "enm", "epo", "equ", "est", "eus", "fao", "fas", "fil", "fin", "fra", "frk",
        "frm", "fry", "gla", "gle", "glg", "grc", "guj", "hat", "heb", "hin", "hrv", "hun", "hye", "iku", "ind", "isl", "ita",
        "ita_old", "jav", "jpn", "jpn_vert", "kan", "kat", "kat_old", "kaz", "khm", "kir", "kmr", "kor", "kor_vert", "kur",
        "lao", "lat", "lav", "lit", "ltz", "mal", "mar", "mkd", "mlt", "mon", "mri", "msa", "mya", "nep", "nld", "nor", "oci",
        "ori", "osd", "pan", "pol", "por", "pus", "que", "ron", "rus", "san", "sin", "slk", "slk_frak", "slv", "snd", "spa",
        "spa_old", "sqi", "srp", "srp_latn", "sun", "swa", "swe", "syr", "tam", "tat", "tel", "tgk", "tgl", "tha", "tir", "ton",
        "tur", "uig", "ukr", "urd", "uzb", "uzb_cyrl", "vie", "yid", "yor",
    ]

    /// Script models, named `script/NAME`.
    public static let scripts: Set<String> = [
        "Arabic", "Armenian", "Bengali", "Canadian_Aboriginal", "Cherokee", "Cyrillic", "Devanagari", "Ethiopic", "Fraktur",
        "Georgian", "Greek", "Gujarati", "Gurmukhi", "HanS", "HanS_vert", "HanT", "HanT_vert", "Hangul", "Hangul_vert", "Hebrew",
        "Japanese", "Japanese_vert", "Kannada", "Khmer", "Lao", "Latin", "Malayalam", "Myanmar", "Oriya", "Sinhala", "Syriac",
        "Tamil", "Telugu", "Thaana", "Thai", "Tibetan", "Vietnamese",
    ]

    /// Codes that are not Tesseract's, with the model meant: ISO 639-1 and ISO 639-2/B.
    public static let suggestions: [String: String] = [
        // ISO 639-1
        "af": "afr", "am": "amh", "ar": "ara", "as": "asm", "az": "aze", "be": "bel", "bg": "bul", "bn": "ben", "bo": "bod",
        "br": "bre", "bs": "bos", "ca": "cat", "co": "cos", "cs": "ces", "cy": "cym", "da": "dan", "de": "deu", "dv": "div",
        "dz": "dzo", "el": "ell", "en": "eng", "eo": "epo", "es": "spa", "et": "est", "eu": "eus", "fa": "fas", "fi": "fin",
        "fo": "fao", "fr": "fra", "fy": "fry", "ga": "gle", "gd": "gla", "gl": "glg", "gu": "guj", "he": "heb", "hi": "hin",
        "hr": "hrv", "ht": "hat", "hu": "hun", "hy": "hye", "id": "ind", "is": "isl", "it": "ita", "iu": "iku", "ja": "jpn",
        "jv": "jav", "ka": "kat", "kk": "kaz", "km": "khm", "kn": "kan", "ko": "kor", "ku": "kmr", "ky": "kir", "la": "lat",
        "lb": "ltz", "lo": "lao", "lt": "lit", "lv": "lav", "mi": "mri", "mk": "mkd", "ml": "mal", "mn": "mon", "mr": "mar",
        "ms": "msa", "mt": "mlt", "my": "mya", "nb": "nor", "ne": "nep", "nl": "nld", "nn": "nor", "no": "nor", "oc": "oci",
        "or": "ori", "pa": "pan", "pl": "pol", "ps": "pus", "pt": "por", "qu": "que", "ro": "ron", "ru": "rus", "sa": "san",
        "sd": "snd", "si": "sin", "sk": "slk", "sl": "slv", "sq": "sqi", "sr": "srp", "su": "sun", "sv": "swe", "sw": "swa",
        "ta": "tam", "te": "tel", "tg": "tgk", "th": "tha", "ti": "tir", "tl": "tgl", "to": "ton", "tr": "tur", "tt": "tat",
        "ug": "uig", "uk": "ukr", "ur": "urd", "uz": "uzb", "vi": "vie", "yi": "yid", "yo": "yor", "zh": "chi_sim",
        // ISO 639-2/B, where it differs from 639-2/T
        "alb": "sqi", "arm": "hye", "baq": "eus", "bur": "mya", "chi": "chi_sim", "cze": "ces", "dut": "nld", "fre": "fra",
        "geo": "kat", "ger": "deu", "gre": "ell", "ice": "isl", "mac": "mkd", "mao": "mri", "may": "msa", "per": "fas",
        "rum": "ron", "slo": "slk", "tib": "bod", "wel": "cym",
    ]

    /// True when Tesseract publishes a model of this name.
    public static func isKnown(_ code: LanguageCode) -> Bool {
        let name = code.tesseractCode
        if name.hasPrefix("script/") { return scripts.contains(String(name.dropFirst("script/".count))) }
        return models.contains(name)
    }

    /// The model meant by a code Tesseract does not use (`es` → `spa`, `ger` → `deu`), if any.
    public static func suggestion(for code: String) -> String? {
        suggestions[code.lowercased()] ?? (models.contains(code.lowercased()) && code != code.lowercased() ? code.lowercased() : nil)
    }
}
