/// A profile picture as the gateway stores and serves it: the upload taken apart by its
/// format's structure and put together again from the parts a picture needs, so what is
/// served is never the upload as sent. Metadata (comments, text chunks, EXIF with its GPS
/// position, XMP) and anything after the format's end are left out; a file that does not
/// follow its format, or whose picture is larger than ``maxSide`` on a side, is refused. A
/// GIF/HTML or JPEG/HTML polyglot thus loses its second life: its HTML was in a comment, in
/// metadata or after the end, or its "dimensions" were text.
///
/// The pixel data itself is copied, not decoded: the browser decodes it, as an image.
struct ProfilePicture: Equatable {
    /// The media type, one of ``ImageType/allowed``.
    let contentType: String
    /// The rebuilt file.
    let bytes: [UInt8]
    /// The picture's width and height in pixels.
    let width: Int
    let height: Int

    /// The largest width or height accepted.
    static let maxSide = 4096

    /// Why an upload was refused, in words for the API's `detail`.
    struct Refusal: Error, Equatable {
        let reason: String
    }

    /// Takes `upload`, which claims to be `contentType`, apart and rebuilds it.
    init(_ upload: [UInt8], as contentType: String) throws(Refusal) {
        let rebuilt: (bytes: [UInt8], width: Int, height: Int)
        switch contentType {
        case "image/png": rebuilt = try Self.png(upload)
        case "image/gif": rebuilt = try Self.gif(upload)
        case "image/jpeg": rebuilt = try Self.jpeg(upload)
        case "image/webp": rebuilt = try Self.webp(upload)
        default: throw Refusal(reason: "\(contentType) is not a picture type this gateway takes")
        }
        guard (1...Self.maxSide).contains(rebuilt.width), (1...Self.maxSide).contains(rebuilt.height) else {
            throw Refusal(reason: "the picture is \(rebuilt.width)×\(rebuilt.height) pixels; at most \(Self.maxSide) on a side")
        }
        self.contentType = contentType
        bytes = rebuilt.bytes
        width = rebuilt.width
        height = rebuilt.height
    }

    // MARK: PNG

    /// The chunks kept besides the critical ones: colour and size information, no text.
    private static let pngKept: Set<String> = ["tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs"]

    private static func png(_ data: [UInt8]) throws(Refusal) -> ([UInt8], Int, Int) {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard data.starts(with: signature) else { throw Refusal(reason: "the file is not a PNG") }
        var output = signature
        var offset = 8
        var size: (Int, Int)?
        var sawData = false
        while true {
            guard offset + 12 <= data.count else { throw Refusal(reason: "the PNG ends inside a chunk") }
            let length = Int(bigEndian32(data, offset))
            guard length <= data.count - offset - 12 else { throw Refusal(reason: "a PNG chunk runs past the end of the file") }
            let type = String(decoding: data[offset + 4..<offset + 8], as: UTF8.self)
            let chunk = Array(data[offset..<offset + 12 + length])
            guard CRC32.checksum(data[offset + 4..<offset + 8 + length]) == bigEndian32(data, offset + 8 + length) else {
                throw Refusal(reason: "the PNG chunk \(type) has a wrong checksum")
            }
            if size == nil {
                guard type == "IHDR", length == 13 else { throw Refusal(reason: "the PNG does not start with its header") }
                size = (Int(bigEndian32(data, offset + 8)), Int(bigEndian32(data, offset + 12)))
            }
            if ["IHDR", "PLTE", "IDAT", "IEND"].contains(type) || pngKept.contains(type) { output += chunk }
            if type == "IDAT" { sawData = true }
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard sawData, let (width, height) = size else { throw Refusal(reason: "the PNG has no image data") }
        return (output, width, height)
    }

    // MARK: GIF

    private static func gif(_ data: [UInt8]) throws(Refusal) -> ([UInt8], Int, Int) {
        guard data.count >= 13, data.starts(with: Array("GIF87a".utf8)) || data.starts(with: Array("GIF89a".utf8)) else {
            throw Refusal(reason: "the file is not a GIF")
        }
        let width = Int(data[6]) | Int(data[7]) << 8
        let height = Int(data[8]) | Int(data[9]) << 8
        var offset = 13 + colorTableSize(flags: data[10])
        guard offset <= data.count else { throw Refusal(reason: "the GIF ends inside its colour table") }
        var output = Array(data[0..<offset])
        var frames = 0
        while true {
            guard offset < data.count else { throw Refusal(reason: "the GIF has no end") }
            switch data[offset] {
            case 0x2C:
                guard offset + 10 <= data.count else { throw Refusal(reason: "the GIF ends inside an image") }
                let header = 10 + colorTableSize(flags: data[offset + 9])
                guard offset + header + 1 <= data.count else { throw Refusal(reason: "the GIF ends inside an image") }
                let end = try subBlocksEnd(data, from: offset + header + 1)
                output += data[offset..<end]
                offset = end
                frames += 1
            case 0x21:
                guard offset + 2 <= data.count else { throw Refusal(reason: "the GIF ends inside an extension") }
                let end = try subBlocksEnd(data, from: offset + 2)
                // Graphic control (timing, transparency) and the looping application extension
                // are kept; comments, plain text and other applications' data (XMP, say) are not.
                let looping = data[offset + 1] == 0xFF && data[(offset + 2)...].starts(with: [0x0B] + Array("NETSCAPE2.0".utf8))
                if data[offset + 1] == 0xF9 || looping { output += data[offset..<end] }
                offset = end
            case 0x3B:
                guard frames > 0 else { throw Refusal(reason: "the GIF has no image") }
                output.append(0x3B)
                return (output, width, height)
            default:
                throw Refusal(reason: "the GIF has an unknown block")
            }
        }
    }

    private static func colorTableSize(flags: UInt8) -> Int {
        flags & 0x80 == 0 ? 0 : 3 << (Int(flags & 0x07) + 1)
    }

    /// The index after the zero-length block ending the sub-blocks that start at `start`.
    private static func subBlocksEnd(_ data: [UInt8], from start: Int) throws(Refusal) -> Int {
        var offset = start
        while offset < data.count {
            let length = Int(data[offset])
            offset += 1 + length
            if length == 0 { return offset }
        }
        throw Refusal(reason: "the GIF ends inside a data block")
    }

    // MARK: JPEG

    private static func jpeg(_ data: [UInt8]) throws(Refusal) -> ([UInt8], Int, Int) {
        guard data.starts(with: [0xFF, 0xD8]) else { throw Refusal(reason: "the file is not a JPEG") }
        var output: [UInt8] = [0xFF, 0xD8]
        var offset = 2
        var size: (Int, Int)?
        while true {
            guard offset + 2 <= data.count, data[offset] == 0xFF else { throw Refusal(reason: "the JPEG has no end marker") }
            let marker = data[offset + 1]
            if marker == 0xFF {
                offset += 1
                continue
            }
            if marker == 0xD9 {
                guard let (width, height) = size else { throw Refusal(reason: "the JPEG has no frame") }
                output += [0xFF, 0xD9]
                return (output, width, height)
            }
            guard offset + 4 <= data.count else { throw Refusal(reason: "the JPEG ends inside a segment") }
            let length = Int(data[offset + 2]) << 8 | Int(data[offset + 3])
            guard length >= 2, offset + 2 + length <= data.count else { throw Refusal(reason: "a JPEG segment runs past the end of the file") }
            let segment = data[offset..<offset + 2 + length]
            switch marker {
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                guard length >= 8 else { throw Refusal(reason: "the JPEG frame header is short") }
                size = (Int(data[offset + 7]) << 8 | Int(data[offset + 8]), Int(data[offset + 5]) << 8 | Int(data[offset + 6]))
                output += segment
            case 0xDA:
                output += segment
                // The entropy-coded data runs to the next marker that is not a stuffed 0xFF00
                // or a restart marker.
                var scan = offset + 2 + length
                while scan + 1 < data.count, !(data[scan] == 0xFF && data[scan + 1] != 0x00 && !(0xD0...0xD7).contains(data[scan + 1])) {
                    scan += 1
                }
                output += data[(offset + 2 + length)..<scan]
                offset = scan
                continue
            case 0xE0 where segment.dropFirst(4).starts(with: Array("JFIF\0".utf8)):
                output += segment
            case 0xE2 where segment.dropFirst(4).starts(with: Array("ICC_PROFILE\0".utf8)):
                output += segment
            case 0xC4, 0xCC, 0xDB, 0xDD:
                output += segment
            case 0xE0...0xEF, 0xFE:
                break
            default:
                throw Refusal(reason: "the JPEG has an unexpected marker")
            }
            offset += 2 + length
        }
    }

    // MARK: WebP

    private static func webp(_ data: [UInt8]) throws(Refusal) -> ([UInt8], Int, Int) {
        guard data.count >= 20, data.starts(with: Array("RIFF".utf8)), Array(data[8..<12]) == Array("WEBP".utf8) else {
            throw Refusal(reason: "the file is not a WebP")
        }
        let declared = Int(littleEndian32(data, 4)) + 8
        guard declared <= data.count else { throw Refusal(reason: "the WebP is shorter than it says") }
        var body: [UInt8] = []
        var offset = 12
        var size: (Int, Int)?
        while offset + 8 <= declared {
            let type = String(decoding: data[offset..<offset + 4], as: UTF8.self)
            let length = Int(littleEndian32(data, offset + 4))
            let padded = length + (length & 1)
            guard length <= declared - offset - 8 else { throw Refusal(reason: "a WebP chunk runs past the end of the file") }
            let payload = offset + 8
            var chunk = Array(data[offset..<min(declared, payload + padded)])
            switch type {
            case "VP8X":
                guard length >= 10 else { throw Refusal(reason: "the WebP header chunk is short") }
                chunk[8] &= ~0x0C  // no EXIF, no XMP: they are left out
                size = (Int(littleEndian24(data, payload + 4)) + 1, Int(littleEndian24(data, payload + 7)) + 1)
                body += chunk
            case "VP8 ":
                guard length >= 10, Array(data[payload + 3..<payload + 6]) == [0x9D, 0x01, 0x2A] else {
                    throw Refusal(reason: "the WebP image data is not VP8")
                }
                if size == nil {
                    size = (Int(data[payload + 6]) | Int(data[payload + 7] & 0x3F) << 8, Int(data[payload + 8]) | Int(data[payload + 9] & 0x3F) << 8)
                }
                body += chunk
            case "VP8L":
                guard length >= 5, data[payload] == 0x2F else { throw Refusal(reason: "the WebP image data is not VP8L") }
                if size == nil {
                    let bits = littleEndian32(data, payload + 1)
                    size = (Int(bits & 0x3FFF) + 1, Int((bits >> 14) & 0x3FFF) + 1)
                }
                body += chunk
            case "ALPH", "ANIM", "ANMF", "ICCP":
                body += chunk
            default:
                break
            }
            offset = payload + padded
        }
        guard let (width, height) = size else { throw Refusal(reason: "the WebP has no image data") }
        let riff = Array("RIFF".utf8) + littleEndianBytes(UInt32(body.count + 4)) + Array("WEBP".utf8)
        return (riff + body, width, height)
    }

    // MARK: Bytes

    private static func bigEndian32(_ data: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(data[offset]) << 24 | UInt32(data[offset + 1]) << 16 | UInt32(data[offset + 2]) << 8 | UInt32(data[offset + 3])
    }

    private static func littleEndian32(_ data: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(data[offset]) | UInt32(data[offset + 1]) << 8 | UInt32(data[offset + 2]) << 16 | UInt32(data[offset + 3]) << 24
    }

    private static func littleEndian24(_ data: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(data[offset]) | UInt32(data[offset + 1]) << 8 | UInt32(data[offset + 2]) << 16
    }

    private static func littleEndianBytes(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }
}
