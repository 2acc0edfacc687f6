public import QuireCore

extension GeneratedDocument {
    /// The document with the Page: pages a person saved (`quire serve`) in place of what
    /// generation made of them: their header, body, footer, level and level user exactly as
    /// saved. Their generation flags go (the person saw the page); a page too large for the wiki
    /// is still marked `content_too_large`.
    public func applyingRevisions(_ revisions: [PageNumber: PageContent], profile: WikiProfile) -> GeneratedDocument {
        guard !revisions.isEmpty else { return self }
        let replaced = pages.map { page -> GeneratedPage in
            guard let content = revisions[page.number] else { return page }
            let tooLarge = content.wikitext.utf8.count > profile.maxPageBytes
            return GeneratedPage(
                number: page.number, title: page.title, content: content, printedNumber: page.printedNumber,
                pageFlags: [], wikitextFlags: tooLarge ? [.contentTooLarge] : [])
        }
        return GeneratedDocument(pages: replaced, index: index, mainPages: mainPages)
    }
}
