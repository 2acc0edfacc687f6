public import QuireCore

extension GeneratedDocument {
    /// The document with the Page: pages a person saved (`quire serve`) in place of what
    /// generation made of them: their header, body, footer, level and level user exactly as
    /// saved. Their generation flags go (the person saw the page); a page too large for the wiki
    /// is still marked `content_too_large`. The Index's progress follows the new levels.
    public func applyingRevisions(_ revisions: [PageNumber: PageContent], profile: WikiProfile) -> GeneratedDocument {
        guard !revisions.isEmpty else { return self }
        let replaced = pages.map { page -> GeneratedPage in
            guard let content = revisions[page.number] else { return page }
            let tooLarge = content.wikitext.utf8.count > profile.maxPageBytes
            return GeneratedPage(
                number: page.number, title: page.title, content: content, printedNumber: page.printedNumber,
                pageFlags: [], wikitextFlags: tooLarge ? [.contentTooLarge] : [])
        }
        let progress = IndexProgress.of(levels: replaced.map(\.content.level))
        let key = profile.indexFields.first { $0.field == .progress }?.key
        let fields = index.fields.map { field in
            field.key == key ? IndexFieldValue(key: field.key, value: profile.progressCodes[progress] ?? field.value) : field
        }
        return GeneratedDocument(pages: replaced, index: IndexPage(title: index.title, fields: fields), mainPages: mainPages)
    }
}

extension IndexProgress {
    /// An Index's progress from its pages' levels, pages without text aside: done when every
    /// other page is validated, to validate when every one is at least proofread, else to
    /// proofread (also when no page has text).
    static func of(levels: [PageQuality]) -> IndexProgress {
        let texts = levels.filter { $0 != .withoutText }
        guard !texts.isEmpty else { return .toProofread }
        if texts.allSatisfy({ $0 == .validated }) { return .done }
        return texts.allSatisfy { $0 >= .proofread } ? .toValidate : .toProofread
    }
}

extension GeneratedDocument {
    /// The document as an account may send it to a wiki with ProofreadPage, whose rule
    /// (`PageLevel::isChangeAllowed`) lets an edit set level 4 only on a page already at 3 by
    /// another user, and a level change only under a `user` who holds the `pagequality` right on
    /// that wiki: a page validated here goes as level 3 under `account`; levels 0–3 go as they
    /// are, under `account` too (the people of `quire serve` may have no account on the wiki). The
    /// people who proofread and validated are credited in the edit summary instead
    /// (``WikitextExport/proofreaders(of:)``). The rule is Quire's to keep: ProofreadPage REL1_39
    /// on MediaWiki 1.39 enforces it in its edit form only, and saves any level and any `user`
    /// sent through the API (its MultiContentSave hook reports the refusal in a status that
    /// MediaWiki 1.39 does not read), as the publish tests against the real extension show.
    public func forPublishing(as account: String) -> GeneratedDocument {
        let sent = pages.map { page -> GeneratedPage in
            let content = page.content
            let level = min(content.level, .proofread)
            guard level != content.level || content.user != account else { return page }
            return GeneratedPage(
                number: page.number, title: page.title,
                content: PageContent(untrimmedHeader: content.header, body: content.body, footer: content.footer, level: level, user: account),
                printedNumber: page.printedNumber, pageFlags: page.pageFlags, wikitextFlags: page.wikitextFlags)
        }
        return GeneratedDocument(pages: sent, index: index, mainPages: mainPages)
    }
}
