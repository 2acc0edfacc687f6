public import QuireCore

/// A page's part of a known text (match & split), given to the generator instead of its OCR.
///
/// The body is the text as typed (see ``TranscriptMarkup``): no noise filtering, paragraph
/// building or hyphen joining is applied to it. The page's OCR, when given, still supplies the
/// running header, running footer and printed page number.
public struct TranscriptText: Hashable, Sendable {
    /// The page's part of the text, plain or light Markdown.
    public var text: String
    /// The page's OCR, for its header, footer and printed number.
    public var ocr: PageText?
    /// Problems of the split (`uncertain_boundary`, `low_confidence`): level 2.
    public var flags: Set<PageFlag>

    public init(text: String, ocr: PageText? = nil, flags: Set<PageFlag> = []) {
        self.text = text
        self.ocr = ocr
        self.flags = flags
    }
}

extension PageDraftBuilder {
    /// The draft of a page of a split text: the OCR's furniture, the text's blocks.
    static func transcript(_ number: PageNumber, text: TranscriptText, furniture: PageFurniture?) -> PageDraft {
        var draft = PageDraft(number: number)
        draft.isTranscript = true
        draft.header = furniture?.header
        draft.footer = furniture?.footer
        draft.printedNumber = furniture?.printedNumber
        draft.pageFlags = text.flags
        let (clean, changed) = WikitextEscaper.sanitise(text.text)
        if changed { draft.pageFlags.insert(.sanitisedText) }
        draft.blocks = TranscriptMarkup.blocks(clean)
        return draft
    }
}
