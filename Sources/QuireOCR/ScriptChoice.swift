public import QuireCore

/// The script that orientation and script detection (Tesseract's `osd` model) found on a page.
public struct DetectedScript: Sendable, Hashable {
    /// Tesseract's script name: `Latin`, `Fraktur`, `Greek`, `Cyrillic`, …
    public var name: String
    /// Tesseract's script confidence (not a probability; about 0–40, higher is surer).
    public var confidence: Double

    public init(name: String, confidence: Double) {
        self.name = name
        self.confidence = confidence
    }
}

/// Which model reads a page. German print before about 1940 is mostly blackletter (Fraktur,
/// Schwabacher), which the `deu` model reads poorly; a user asks for `deu` all the same. So for a
/// language with a blackletter model (a table, below), the page's script is detected first and a
/// blackletter page is read with that model instead. One rule, pure, tested on recorded values.
public enum ScriptChoice {
    /// Languages whose blackletter print has its own model (data): requested code → model code.
    public static let blackletterModels: [String: String] = ["deu": "frk"]
    /// The script name `osd` gives blackletter.
    public static let blackletterScript = "Fraktur"
    /// Script confidence at or above which a page is taken as blackletter. Tuned on the tune half:
    /// blackletter pages scored 5.8–37, Antiqua and typescript pages never named Fraktur.
    public static let minimumConfidence = 2.0
    /// Characters `osd` classifies before it may stop, when only the script is wanted (Tesseract's
    /// `min_characters_to_try`; its default of 50 serves orientation). Classifying is most of
    /// `osd`'s time, whatever the page's size (a `tesseract --psm 0` run over the tune half's 49
    /// German pages: 51 s of CPU with 50, 33 s with 20, 23 s with 10). Tuned on the tune half: 30
    /// gives every page the verdict 50 gives; 10 changed two borderline pages, which helped the
    /// tune half (CER 7.99% → 7.97%) but hurt the test half (9.09% → 9.20%), so it was dropped.
    public static let sampledCharacters = 30

    /// The languages a blackletter page of `requested` is read with: every language with a
    /// blackletter model replaced by it (others kept); nil when none has one or when a model is
    /// not installed (`isInstalled` takes a Tesseract code).
    public static func blackletterLanguages(for requested: LanguageSet, isInstalled: (String) -> Bool) -> LanguageSet? {
        var codes: [LanguageCode] = []
        var replaced = false
        for language in requested.languages {
            if let model = blackletterModels[language.tesseractCode], let code = LanguageCode(tesseract: model) {
                guard isInstalled(model) else { return nil }
                replaced = true
                if !codes.contains(code) { codes.append(code) }
            } else if !codes.contains(language) {
                codes.append(language)
            }
        }
        return replaced && !codes.isEmpty ? LanguageSet(codes) : nil
    }

    /// Detected pages of one document that must agree before its other pages take their verdict
    /// without detection (``settledVerdict(blackletter:other:)``).
    public static let pagesToSettle = 3

    /// The verdict (blackletter or not) that the rest of a document takes without detection, once
    /// `blackletter` and `other` pages of it were detected: the first ``pagesToSettle`` all alike
    /// settle it; a document where any two detected pages disagree is never settled, so every page
    /// of a book mixing Antiqua and Fraktur is still detected. Nil while pages must be detected.
    public static func settledVerdict(blackletter: Int, other: Int) -> Bool? {
        switch (blackletter, other) {
        case (pagesToSettle..., 0): true
        case (0, pagesToSettle...): false
        default: nil
        }
    }

    /// Whether a page's detection counts toward settling its document: only a script named with
    /// at least the confidence a blackletter verdict needs. A blank page, a plate or a typescript,
    /// where `osd` finds nothing or guesses with low confidence, does not count, so a book whose
    /// largest pages (read first) are plates is not settled by them as not blackletter.
    public static func countsTowardSettling(_ script: DetectedScript?) -> Bool {
        guard let script else { return false }
        return script.confidence >= minimumConfidence
    }

    /// Whether a page with `script` detected on it is read with the blackletter model.
    public static func readsAsBlackletter(_ script: DetectedScript?) -> Bool {
        guard let script else { return false }
        return script.name == blackletterScript && script.confidence >= minimumConfidence
    }
}
