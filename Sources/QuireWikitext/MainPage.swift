import QuireCore

/// Writes the main-namespace page of each work: the profile's header, the `<pages … />` tag
/// that transcludes the work's Page: pages (with `fromsection`/`tosection`, or `onlysection`,
/// where the work shares pages with others), and the licence templates the clearance engine
/// chose for the wiki, in the profile's place (en: right after `{{header}}`). Without a template
/// the page is flagged `missing_licence`.
enum MainPageBuilder {
    /// One page per work, in order; `licences` nil when they were not looked up.
    static func build(_ works: [WorkRange], document: DocumentMetadata, profile: WikiProfile, scan: ScanSource, licences: [String]? = nil) -> [GeneratedWikiPage] {
        // Names from the engine's rule tables (`PD-1996|country=ES`); anything that could break out of the template is left out.
        let licenceLines = (licences ?? []).filter { !$0.isEmpty && !$0.contains(where: { "{}[]<>\n".contains($0) }) }.map { "{{\($0)}}" }
        let flags: Set<WikitextFlag> = licences?.isEmpty == true ? [.missingLicence] : []
        return works.enumerated().map { index, work in
            var lines: [String] = []
            if case .template(let name) = profile.mainPageHeader {
                let arg = { (text: String) in WikitextEscaper.escape(text, context: .templateArgument, atLineStart: false) }
                let author = document.contributors(.author).first.map { arg($0.displayName) } ?? ""
                let previous = index > 0 ? "[[\(works[index - 1].title)]]" : ""
                let next = index + 1 < works.count ? "[[\(works[index + 1].title)]]" : ""
                lines.append("{{\(name)|title=\(arg(work.title))|author=\(author)|previous=\(previous)|next=\(next)}}")
            }
            if profile.licencePlacement == .afterHeader { lines += licenceLines }
            lines.append(pagesTag(work, scan: scan, headerAttribute: profile.mainPageHeader == .pagesAttribute))
            if profile.licencePlacement == .endOfPage { lines += licenceLines }
            return GeneratedWikiPage(title: work.title, wikitext: lines.joined(separator: "\n"), flags: flags)
        }
    }

    /// `<pages index="Discurso 1931.pdf" from=2 to=4 fromsection="s2" />`; with an image set,
    /// `from`/`to` name the images.
    static func pagesTag(_ work: WorkRange, scan: ScanSource, headerAttribute: Bool) -> String {
        var attributes: [String] = []
        switch scan {
        case .file(let name):
            attributes = ["index=\"\(name)\"", "from=\(work.from.rawValue)", "to=\(work.to.rawValue)"]
        case .images(let images):
            let index = images.min { $0.key < $1.key }?.value ?? ""
            attributes = ["index=\"\(index)\"", "from=\"\(images[work.from] ?? "")\"", "to=\"\(images[work.to] ?? "")\""]
        }
        if work.from == work.to, let only = work.fromSection, work.toSection == only {
            attributes.append("onlysection=\"\(only)\"")
        } else {
            if let from = work.fromSection { attributes.append("fromsection=\"\(from)\"") }
            if let to = work.toSection { attributes.append("tosection=\"\(to)\"") }
        }
        if headerAttribute { attributes.append("header=1") }
        return "<pages " + attributes.joined(separator: " ") + " />"
    }
}
