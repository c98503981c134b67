/// Recognizes the image types accepted as profile pictures by their first bytes, so a
/// file is taken for what it is, not for what its name or header claims.
enum ImageType {
    /// The accepted media types.
    static let allowed = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    /// The media type of an image starting with `prefix` (at least 12 bytes), or nil.
    static func detect(_ prefix: [UInt8]) -> String? {
        if prefix.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if prefix.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if prefix.starts(with: Array("GIF87a".utf8)) || prefix.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if prefix.count >= 12, prefix.starts(with: Array("RIFF".utf8)), Array(prefix[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }
}
