/// Title prefixes that send a page out of the main namespace (or off the wiki): a main page
/// titled `Template:Header` would be published into the Template namespace, `w:Foo` is an
/// interwiki link. Kept as data: MediaWiki's canonical namespace names and aliases, the
/// ProofreadPage and Wikisource namespaces, the local names of the five profiles' wikis, and the
/// Wikimedia interwiki prefixes that a title cannot start with.
enum ReservedTitlePrefixes {
    static let canonical: Set<String> = [
        "media", "special", "talk", "user", "project", "file", "image", "mediawiki", "template", "help", "category",
        "module", "portal", "page", "index", "author", "translation", "timedtext", "gadget", "gadget definition", "topic",
        "wikisource", "ws", "wp",
    ]

    /// Local namespace names of the profiles' wikis (talk forms are caught by ``talkWords``).
    static let local: [WikiCode: Set<String>] = [
        .en: ["portal", "author", "page", "index", "translation"],
        .es: ["especial", "usuario", "usuaria", "archivo", "imagen", "plantilla", "ayuda", "categoría", "página", "índice", "autor", "portal", "wikisource"],
        .fr: ["spécial", "utilisateur", "utilisatrice", "fichier", "modèle", "aide", "catégorie", "page", "livre", "auteur", "portail", "transwiki"],
        .de: ["spezial", "benutzer", "benutzerin", "datei", "bild", "vorlage", "hilfe", "kategorie", "seite", "index", "autor"],
        .it: ["speciale", "utente", "file", "immagine", "template", "aiuto", "categoria", "pagina", "indice", "autore", "portale", "opera"],
    ]

    /// Words of talk namespaces in the five languages (`User talk`, `Discusión`, `Diskussion`).
    static let talkWords = ["talk", "discusión", "discussion", "diskussion", "discussioni"]

    /// Wikimedia interwiki prefixes.
    static let interwiki: Set<String> = [
        "w", "wikipedia", "wikt", "wiktionary", "s", "c", "commons", "m", "meta", "mw", "d", "wikidata", "q", "wikiquote",
        "b", "wikibooks", "n", "wikinews", "v", "wikiversity", "voy", "wikivoyage", "species", "wikispecies", "foundation", "phab",
        "en", "es", "fr", "de", "it",
    ]

    /// The prefix of `title` that names a namespace or another wiki for `profile`, if any.
    static func reserved(in title: String, profile: WikiProfile) -> String? {
        guard let colon = title.firstIndex(of: ":") else { return nil }
        let prefix = title[..<colon]
        let key = prefix.replacingOccurrences(of: "_", with: " ").split(separator: " ").joined(separator: " ").lowercased()
        guard !key.isEmpty else { return nil }
        let names = canonical.union(local[profile.code] ?? []).union(interwiki)
            .union([profile.pageNamespace.name, profile.indexNamespace.name, profile.authorNamespace].compactMap { $0?.lowercased() })
        if names.contains(key) || talkWords.contains(where: { key.contains($0) }) { return String(prefix) }
        return nil
    }
}
