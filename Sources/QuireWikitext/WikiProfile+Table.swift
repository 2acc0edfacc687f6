/// The five wikis' conventions, from `wikisource-format.md` ("Conventions per wiki"). Where the
/// document says "(verify)" or says nothing, the safest form that needs no template is used and
/// the line is marked `verify`.
extension WikiProfile {
    /// Every profile by wiki.
    static let table: [WikiCode: WikiProfile] = [.en: english, .es: spanish, .fr: french, .de: german, .it: italian]

    /// `$wgMaxArticleSize` on Wikimedia wikis: 2048 KiB.
    static let wikimediaMaxBytes = 2048 * 1024

    /// The Progress codes of en (and of the wikis that kept them).
    private static let englishProgress: [IndexProgress: String] = [
        .done: "T", .toValidate: "V", .toProofread: "C", .matchAndSplit: "MS", .needsOCR: "OCR",
        .sourceIncorrect: "L", .pagelistNeeded: "X",
    ]

    /// English Wikisource.
    static let english = WikiProfile(
        code: .en,
        pageNamespace: WikiNamespace(name: "Page", id: 104),
        indexNamespace: WikiNamespace(name: "Index", id: 106),
        authorNamespace: "Author",
        runningHeader: .template("rh"),  // alias of {{RunningHeader}}
        wordSplit: .startEndTemplates(start: "hws", end: "hwe"),
        paragraphAtPageEnd: .appendToPage("\n{{nop}}"),  // {{nop}} on its own line at the end
        referencesTag: "{{smallrefs}}",
        centring: .template("center"),
        indexFields: [
            .init(.type, "Type"), .init(.title, "Title"), .init(.language, "Language"), .init(.volume, "Volume"),
            .init(.author, "Author"), .init(.translator, "Translator"), .init(.editor, "Editor"),
            .init(.illustrator, "Illustrator"), .init(.school, "School"), .init(.publisher, "Publisher"),
            .init(.address, "Address"), .init(.year, "Year"), .init(.key, "Key"), .init(.isbn, "ISBN"),
            .init(.oclc, "OCLC"), .init(.lccn, "LCCN"), .init(.bnfArk, "BNF_ARK"), .init(.arc, "ARC"),
            .init(.source, "Source"), .init(.image, "Image"), .init(.progress, "Progress"), .init(.pages, "Pages"),
            .init(.volumes, "Volumes"), .init(.remarks, "Remarks"), .init(.width, "Width"), .init(.css, "Css"),
            .init(.header, "Header"), .init(.footer, "Footer"),
        ],
        progressCodes: englishProgress,
        mainPageHeader: .template("header"),
        levelNames: ["Without text", "Not proofread", "Problematic", "Proofread", "Validated"],
        unnumberedPageLabel: "–",
        maxPageBytes: wikimediaMaxBytes,
        licencePlacement: .afterHeader,  // en: the licence template follows {{header}} (Help:Copyright tags)
        longSTemplate: "ls",  // {{ls}}: ſ on the Page:, s when transcluded (Wikisource:Style guide)
        readerLongS: .modernise)

    /// Spanish Wikisource.
    static let spanish = WikiProfile(
        code: .es,
        pageNamespace: WikiNamespace(name: "Página", id: 102),
        indexNamespace: WikiNamespace(name: "Índice", id: 104),
        authorNamespace: "Autor",
        runningHeader: .plainText,  // verify: the document names no template; plain text is safe
        wordSplit: .bareHyphen,
        paragraphAtPageEnd: .none,
        referencesTag: "<references/>",
        centring: .htmlDiv,  // verify: {{centrar}}; the div needs no template
        indexFields: [  // the fields of the document's own example, in its order; verify the rest
            .init(.title, "Title"), .init(.author, "Author"), .init(.year, "Year"), .init(.publisher, "Publisher"),
            .init(.source, "Source"), .init(.progress, "Progress"), .init(.pages, "Pages"),
            .init(.header, "Header"), .init(.footer, "Footer"),
        ],
        progressCodes: englishProgress,
        mainPageHeader: .none,  // the document gives es only `<pages>`
        levelNames: ["Sin texto", "Sin corregir", "Problemática", "Corregida", "Validada"],  // verify
        unnumberedPageLabel: "–",
        maxPageBytes: wikimediaMaxBytes)

    /// French Wikisource.
    static let french = WikiProfile(
        code: .fr,
        pageNamespace: WikiNamespace(name: "Page", id: 104),
        indexNamespace: WikiNamespace(name: "Livre", id: 112),
        authorNamespace: "Auteur",
        runningHeader: .template("nr"),  // verify: {{nr|left|centre|right}}
        wordSplit: .bareHyphen,  // verify: {{tiret}}/{{tiret2}}; the bare hyphen works on every wiki
        paragraphAtPageEnd: .prependToNextPage("<nowiki />\n\n"),  // blank line kept by <nowiki /> at the start of the next page
        referencesTag: "<references/>",
        centring: .template("c"),  // verify
        indexFields: [  // verify against MediaWiki:Proofreadpage_index_data_config.json
            .init(.type, "Type"), .init(.title, "Titre"), .init(.volume, "Volume"), .init(.author, "Auteur"),
            .init(.translator, "Traducteur"), .init(.editor, "Editeur_scientifique"), .init(.illustrator, "Illustrateur"),
            .init(.publisher, "Editeur"), .init(.address, "Lieu"), .init(.year, "Annee"), .init(.source, "Source"),
            .init(.image, "Image"), .init(.progress, "Avancement"), .init(.pages, "Pages"), .init(.remarks, "Remarques"),
            .init(.css, "Css"), .init(.width, "Width"), .init(.header, "Header"), .init(.footer, "Footer"),
        ],
        progressCodes: englishProgress,  // verify
        mainPageHeader: .pagesAttribute,
        levelNames: ["Sans texte", "Non corrigée", "Problématique", "Corrigée", "Validée"],  // verify
        unnumberedPageLabel: "–",
        maxPageBytes: wikimediaMaxBytes)

    /// German Wikisource.
    static let german = WikiProfile(
        code: .de,
        pageNamespace: WikiNamespace(name: "Seite", id: 102),
        indexNamespace: WikiNamespace(name: "Index", id: 104),
        authorNamespace: nil,  // authors are main-namespace pages
        runningHeader: .plainText,  // verify: "per project, often omitted"; plain text keeps it for proofreaders
        wordSplit: .completeOnFirstPage,
        paragraphAtPageEnd: .none,
        referencesTag: "<references/>",
        centring: .htmlDiv,  // verify: {{center}}; the div needs no template
        indexFields: [  // verify against MediaWiki:Proofreadpage_index_data_config.json
            .init(.author, "AUTOR"), .init(.title, "TITEL"), .init(.editor, "HERAUSGEBER"), .init(.publisher, "VERLAG"),
            .init(.address, "ORT"), .init(.year, "JAHR"), .init(.source, "QUELLE"), .init(.image, "BILD"),
            .init(.progress, "BEARBEITUNGSSTAND"), .init(.pages, "SEITEN"),
        ],
        progressCodes: [  // verify
            .done: "fertig", .toValidate: "korrigiert", .toProofread: "unkorrigiert", .matchAndSplit: "unkorrigiert",
            .needsOCR: "unvollständig", .sourceIncorrect: "Korrekturprobleme", .pagelistNeeded: "unvollständig",
        ],
        mainPageHeader: .none,  // "own templates": left to a person
        levelNames: ["Ohne Text", "Unkorrigiert", "Korrekturproblem", "Korrigiert", "Fertig"],  // verify
        unnumberedPageLabel: "–",
        maxPageBytes: wikimediaMaxBytes,
        readerLongS: .modernise)  // each project's Editionsrichtlinien decide; most write ſ as s (Wikisource:Editionsrichtlinien)

    /// Italian Wikisource.
    static let italian = WikiProfile(
        code: .it,
        pageNamespace: WikiNamespace(name: "Pagina", id: 108),
        indexNamespace: WikiNamespace(name: "Indice", id: 110),
        authorNamespace: "Autore",
        runningHeader: .template("RigaIntestazione"),
        wordSplit: .partTemplate("Pt"),  // {{Pt|bi-|bibliotecaria}} … {{Pt|bliotecaria|}}
        paragraphAtPageEnd: .prependToNextPage("{{nop}}\n"),
        referencesTag: "<references/>",
        centring: .template("Centrato"),  // verify
        indexFields: [  // verify against MediaWiki:Proofreadpage_index_data_config.json
            .init(.author, "Autore"), .init(.title, "Titolo"), .init(.year, "Anno"), .init(.publisher, "Editore"),
            .init(.address, "Città"), .init(.translator, "Traduttore"), .init(.editor, "Curatore"),
            .init(.illustrator, "Illustratore"), .init(.source, "Fonte"), .init(.image, "Immagine"),
            .init(.progress, "Qualita"), .init(.pages, "Pagine"), .init(.volumes, "Volumi"), .init(.remarks, "Note"),
            .init(.css, "Css"), .init(.header, "Header"), .init(.footer, "Footer"),
        ],
        progressCodes: [  // verify: SAL percentages
            .done: "100%", .toValidate: "75%", .toProofread: "25%", .matchAndSplit: "25%", .needsOCR: "25%",
            .sourceIncorrect: "25%", .pagelistNeeded: "25%",
        ],
        mainPageHeader: .none,  // "<pages> + own header": the header is left to a person
        levelNames: ["Senza testo", "Da trascrivere", "Da correggere", "Riletta", "Pagina validata"],  // verify
        unnumberedPageLabel: "–",
        maxPageBytes: wikimediaMaxBytes)
}
