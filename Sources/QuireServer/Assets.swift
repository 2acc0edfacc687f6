/// The room's style sheet and script, written as plain files in Assets/ and compiled into the
/// binary (`.embedInCode`), so that `quire serve` needs nothing beside itself and no CDN.
enum Assets {
    static let css = String(decoding: PackageResources.room_css, as: UTF8.self)
    static let js = String(decoding: PackageResources.room_js, as: UTF8.self)
}
