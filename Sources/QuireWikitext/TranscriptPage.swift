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
    /// The part ends where a paragraph ends: the wiki's page-end paragraph mark is written when
    /// the next page holds the text's next part.
    public var endsParagraph: Bool

    public init(text: String, ocr: PageText? = nil, flags: Set<PageFlag> = [], endsParagraph: Bool = false) {
        self.text = text
        self.endsParagraph = endsParagraph
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
        draft.transcriptEndsParagraph = text.endsParagraph
        return draft
    }
}

extension PageBoundary {
    /// Between two adjacent pages of a split text: where the text's paragraph ends at the page's
    /// end, the profile's mark (`{{nop}}` on en). Words are never divided across such pages.
    static func applyTranscript(_ drafts: inout [PageDraft], profile: WikiProfile) {
        guard drafts.count >= 2 else { return }
        for index in 0..<(drafts.count - 1) where drafts[index].isTranscript && drafts[index].transcriptEndsParagraph {
            guard drafts[index + 1].isTranscript, drafts[index + 1].number == drafts[index].number.next,
                  drafts[index].blocks.last?.kind == .paragraph, drafts[index + 1].blocks.first?.kind == .paragraph else { continue }
            switch profile.paragraphAtPageEnd {
            case .none: break
            case .appendToPage(let mark): drafts[index].suffix += mark
            case .prependToNextPage(let mark): drafts[index + 1].prefix = mark + drafts[index + 1].prefix
            }
        }
    }
}
