import QuireWikitext

/// The editor's special-character palette per wiki: characters every old print needs (long s,
/// dashes, ligatures, quotation marks) and the accented capitals of the wiki's language.
enum SpecialCharacters {
    /// Common to every wiki.
    static let common = ["ſ", "—", "–", "…", "æ", "Æ", "œ", "Œ", "ﬁ", "ﬂ", "&nbsp;", "«", "»", "„", "“", "”", "‘", "’", "†", "‡", "§", "¶", "°"]

    /// Per wiki, added before the common ones.
    static let byWiki: [WikiCode: [String]] = [
        .en: ["£", "é", "É"],
        .es: ["Á", "É", "Í", "Ó", "Ú", "Ñ", "Ü", "¿", "¡"],
        .fr: ["À", "Â", "Ç", "É", "È", "Ê", "Ë", "Î", "Ï", "Ô", "Ù", "Û", "Ÿ"],
        .de: ["Ä", "Ö", "Ü", "ß", "ẞ", "ꝛ", "ͤ"],
        .it: ["À", "È", "É", "Ì", "Ò", "Ù"],
    ]

    static func palette(for wiki: WikiCode) -> [String] { byWiki[wiki, default: []] + common }
}
