import Foundation
public import QuireCore

/// How the formats name region roles, as data: SegmOnto zones and eScriptorium block types (ALTO
/// `Tags` labels and PAGE `custom="structure {type:…}"`), PAGE region types and hOCR classes, in
/// both directions. Lookups are case-insensitive.
public enum RegionRoleTable {
    /// ALTO tag labels and PAGE structure types: SegmOnto zones (`RunningTitleZone`), their
    /// `Zone:subtype` forms, and the generic names other tools use.
    public static let labels: [String: RegionRole] = [
        // SegmOnto zones.
        "mainzone": .paragraph, "runningtitlezone": .runningHeader, "numberingzone": .pageNumber,
        "margintextzone": .marginalia, "quiremarkszone": .signatureMark, "quiremarkszone:catchword": .catchword,
        "graphiczone": .illustration, "decorationzone": .illustration, "tablezone": .table,
        "titlepagezone": .heading, "dropcapitalzone": .other, "stampzone": .other, "sealzone": .other,
        "musiczone": .other, "damagezone": .other, "digitizationartefactzone": .other, "customzone": .other,
        // SegmOnto line types; see ``lineTypeRoles``.
        "headingline": .heading, "customline": .other, "defaultline": .paragraph,
        // Generic names (eScriptorium defaults, other exporters, PAGE-like words).
        "main": .paragraph, "text": .paragraph, "paragraph": .paragraph, "default": .paragraph,
        "title": .heading, "heading": .heading, "header": .runningHeader, "running-title": .runningHeader,
        "runningtitle": .runningHeader, "page-number": .pageNumber, "pagenumber": .pageNumber, "numbering": .pageNumber,
        "footnote": .footnote, "footnotes": .footnote, "note": .footnote, "notes": .footnote, "marginalia": .marginalia,
        "margin": .marginalia, "commentary": .marginalia, "caption": .caption, "footer": .footer,
        "catchword": .catchword, "catch-word": .catchword, "signature": .signatureMark, "signature-mark": .signatureMark,
        "table": .table, "illustration": .illustration, "image": .illustration, "verse": .verse, "poem": .verse,
    ]

    /// Words inside a `Zone:subtype` that refine a generic zone (MainZone, MarginTextZone,
    /// CustomZone), checked in this order.
    public static let subtypeKeywords: [(keyword: String, role: RegionRole)] = [
        ("footer", .footer), ("foot", .footnote), ("catch", .catchword), ("caption", .caption), ("verse", .verse),
        ("head", .heading), ("title", .heading), ("page", .pageNumber), ("note", .marginalia),
    ]

    /// Roles that line types (`HeadingLine`, `CustomLine:footnotes`) give a generic zone when
    /// every line of it has the same one.
    public static let lineTypeRoles: Set<RegionRole> = [.heading, .footnote, .caption, .verse, .marginalia]

    /// The role every line's type agrees on, when it is one of ``lineTypeRoles``.
    static func sharedLineRole(_ roles: [RegionRole?]) -> RegionRole? {
        guard let first = roles.first, let role = first, lineTypeRoles.contains(role), roles.allSatisfy({ $0 == role }) else { return nil }
        return role
    }

    /// The roles that a subtype may refine.
    static let genericRoles: Set<RegionRole> = [.paragraph, .marginalia, .other]

    /// PAGE-XML `TextRegion/@type` values (2013 and 2019 schemas).
    public static let pageTypes: [String: RegionRole] = [
        "paragraph": .paragraph, "heading": .heading, "caption": .caption, "header": .runningHeader,
        "footer": .footer, "page-number": .pageNumber, "drop-capital": .other, "credit": .other,
        "floating": .other, "signature-mark": .signatureMark, "catch-word": .catchword,
        "marginalia": .marginalia, "footnote": .footnote, "footnote-continued": .footnote,
        "endnote": .footnote, "toc-entry": .paragraph, "list-label": .paragraph, "other": .other,
    ]

    /// hOCR classes of areas (blocks, paragraphs and floats). `ocr_header` here is the spec's
    /// page header; Tesseract's line-level `ocr_header` is a heading (see ``hocrLineClasses``).
    public static let hocrAreaClasses: [String: RegionRole] = [
        "ocr_header": .runningHeader, "ocr_footer": .footer, "ocr_pageno": .pageNumber,
        "ocr_caption": .caption, "ocr_table": .table, "ocr_textfloat": .other, "ocr_image": .illustration,
        "ocr_photo": .illustration, "ocr_linedrawing": .illustration, "ocr_title": .heading,
        "ocr_chapter": .heading, "ocr_section": .heading, "ocr_subsection": .heading, "ocr_blockquote": .paragraph,
        "ocrx_footnote": .footnote, "ocrx_marginalia": .marginalia, "ocrx_catchword": .catchword,
        "ocrx_signature_mark": .signatureMark, "ocrx_verse": .verse, "ocrx_heading": .heading,
        "ocrx_illustration": .illustration, "ocrx_other": .other,
    ]

    /// hOCR line classes other than `ocr_line`, as Tesseract uses them (block type of the line).
    public static let hocrLineClasses: [String: RegionRole] = [
        "ocr_header": .heading, "ocr_caption": .caption, "ocr_textfloat": .other,
    ]

    /// The role an ALTO tag label or PAGE structure type names; nil when unknown.
    public static func role(forLabel label: String) -> RegionRole? {
        let key = label.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = labels[key] { return exact }
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard let base = labels[parts[0]] else { return nil }
        guard parts.count == 2, genericRoles.contains(base) else { return base }
        return subtypeKeywords.first { parts[1].contains($0.keyword) }?.role ?? base
    }

    /// The role a PAGE region type names (unknown types are `other`).
    public static func role(forPageType type: String) -> RegionRole {
        pageTypes[type.lowercased()] ?? .other
    }

    // MARK: Writing

    /// The SegmOnto label the ALTO writer gives each role (read back by ``role(forLabel:)``).
    public static let segmontoLabel: [RegionRole: String] = [
        .paragraph: "MainZone", .heading: "MainZone:heading", .runningHeader: "RunningTitleZone",
        .pageNumber: "NumberingZone", .footnote: "MarginTextZone:footnote", .marginalia: "MarginTextZone",
        .caption: "CustomZone:caption", .footer: "CustomZone:footer", .catchword: "QuireMarksZone:catchword",
        .signatureMark: "QuireMarksZone", .table: "TableZone", .illustration: "GraphicZone",
        .verse: "MainZone:verse", .other: "CustomZone",
    ]

    /// The PAGE type the PAGE writer gives each role; roles PAGE lacks are `other` with a
    /// `custom` structure type naming the role.
    public static func pageType(for role: RegionRole) -> (type: String, structure: String?) {
        switch role {
        case .paragraph: ("paragraph", nil)
        case .heading: ("heading", nil)
        case .runningHeader: ("header", nil)
        case .pageNumber: ("page-number", nil)
        case .footnote: ("footnote", nil)
        case .marginalia: ("marginalia", nil)
        case .caption: ("caption", nil)
        case .footer: ("footer", nil)
        case .catchword: ("catch-word", nil)
        case .signatureMark: ("signature-mark", nil)
        case .table, .illustration, .verse, .other: ("other", role == .other ? nil : role.rawValue)
        }
    }

    /// The hOCR class the hOCR writer adds beside `ocr_carea` for a role; nil for paragraphs.
    public static func hocrClass(for role: RegionRole) -> String? {
        switch role {
        case .paragraph: nil
        case .runningHeader: "ocr_header"
        case .footer: "ocr_footer"
        case .pageNumber: "ocr_pageno"
        case .caption: "ocr_caption"
        case .table: "ocr_table"
        case .heading: "ocrx_heading"
        case .footnote: "ocrx_footnote"
        case .marginalia: "ocrx_marginalia"
        case .catchword: "ocrx_catchword"
        case .signatureMark: "ocrx_signature_mark"
        case .verse: "ocrx_verse"
        case .illustration: "ocrx_illustration"
        case .other: "ocrx_other"
        }
    }
}
