import Foundation
@testable import Gateway
import PeerSupport
import Testing

/// Profile pictures are rebuilt from their format's parts (issue 11, item 7), checked with
/// Pillow (Debian's python3-pil) as the independent reader and writer: every picture keeps
/// its pixels, loses its metadata (a comment with HTML, EXIF with a GPS position) and what
/// trailed its end; a polyglot or a lying header is refused or defused.
@Suite("Profile pictures are rebuilt, not served as sent")
struct ProfilePictureTests {
    /// Writes the originals with Pillow: each format with metadata carrying HTML, and a
    /// PNG and a GIF with HTML after their end.
    static let makeOriginals = #"""
        import io, sys
        from PIL import Image
        folder = sys.argv[1]
        html = b"<html><script>alert(1)</script></html>"
        image = Image.new("RGB", (3, 2))
        image.putdata([(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (0, 255, 255), (255, 0, 255)])
        from PIL import PngImagePlugin
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", html.decode())
        image.save(f"{folder}/picture.png", pnginfo=info)
        exif = Image.Exif()
        exif[0x010E] = html.decode()  # ImageDescription
        exif[0x8825] = {1: "N", 2: (59.0, 54.0, 44.0)}  # GPS
        image.save(f"{folder}/picture.jpeg", quality=95, exif=exif, comment=html)
        image.convert("P").save(f"{folder}/picture.gif", comment=html)
        image.save(f"{folder}/picture.webp", lossless=True, exif=exif)
        for name in ("png", "gif"):
            data = open(f"{folder}/picture.{name}", "rb").read()
            open(f"{folder}/trailing.{name}", "wb").write(data + html)
        print("ok", flush=True)
        """#

    /// Opens each rebuilt file named on the command line with Pillow and prints, per file,
    /// its size, its pixels and the metadata Pillow found.
    static let readRebuilt = #"""
        import json, sys
        from PIL import Image
        for path in sys.argv[1:]:
            image = Image.open(path)
            image.load()
            metadata = sorted(key for key in image.info if key in ("comment", "Comment", "exif", "xmp"))
            exif = dict(image.getexif())
            print(json.dumps({"size": list(image.size), "pixels": list(image.convert("RGB").getdata()),
                              "metadata": metadata, "exif": len(exif)}), flush=True)
        """#

    private static func python(_ script: String, _ arguments: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try LocalPeer.python(requiring: "PIL"))
        process.arguments = ["-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw LocalPeer.PeerError(message: "Pillow's script failed") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func everyFormatKeepsItsPixelsAndLosesItsMetadataAndItsTail() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-pictures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.python(Self.makeOriginals, [folder.path]) == ["ok"])
        let files: [(name: String, type: String)] = [
            ("picture.png", "image/png"), ("picture.jpeg", "image/jpeg"), ("picture.gif", "image/gif"),
            ("picture.webp", "image/webp"), ("trailing.png", "image/png"), ("trailing.gif", "image/gif"),
        ]
        var rebuiltPaths: [String] = []
        for file in files {
            let original = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file.name)))
            #expect(original.count > 0)
            let picture = try ProfilePicture(original, as: file.type)
            #expect(picture.width == 3 && picture.height == 2, "\(file.name)")
            #expect(!Data(picture.bytes).contains(Data("<html>".utf8)), "\(file.name) still holds the HTML")
            #expect(!Data(picture.bytes).contains(Data("alert(1)".utf8)), "\(file.name) still holds the script")
            let path = folder.appendingPathComponent("rebuilt-\(file.name)").path
            try Data(picture.bytes).write(to: URL(fileURLWithPath: path))
            rebuiltPaths.append(path)
        }
        let originals = try Self.python(Self.readRebuilt, files.map { folder.appendingPathComponent($0.name).path })
        let rebuilt = try Self.python(Self.readRebuilt, rebuiltPaths)
        #expect(rebuilt.count == files.count)
        for (index, line) in rebuilt.enumerated() {
            let read = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let before = try #require(try JSONSerialization.jsonObject(with: Data(originals[index].utf8)) as? [String: Any])
            #expect(read["size"] as? [Int] == [3, 2], "\(files[index].name)")
            #expect((read["pixels"] as? [[Int]]) == (before["pixels"] as? [[Int]]), "\(files[index].name): the pixels are the original's")
            #expect((read["metadata"] as? [String]) == [], "\(files[index].name): \(line)")
            #expect(read["exif"] as? Int == 0, "\(files[index].name): EXIF is gone")
        }
        for (index, line) in originals.prefix(4).enumerated() {
            #expect(!line.contains("\"metadata\": []") || !line.contains("\"exif\": 0"), "\(files[index].name) had metadata to lose: \(line)")
        }
    }

    @Test func aGIFKeepsItsLoopingButNoOtherApplicationsData() throws {
        let header: [UInt8] = Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0, 0, 0, 0xFF, 0xFF, 0xFF]
        let looping: [UInt8] = [0x21, 0xFF, 0x0B] + Array("NETSCAPE2.0".utf8) + [0x03, 0x01, 0x00, 0x00, 0x00]
        let html = Array("<html><script>alert(1)</script>".utf8)
        let xmp: [UInt8] = [0x21, 0xFF, 0x0B] + Array("XMP DataXMP".utf8) + [UInt8(html.count)] + html + [0x00]
        let image: [UInt8] = [0x2C, 0, 0, 0, 0, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00]
        let picture = try ProfilePicture(header + looping + xmp + image + [0x3B], as: "image/gif")
        #expect(picture.bytes == header + looping + image + [0x3B], "the looping extension stays, the XMP block with its HTML goes")
    }

    @Test func aPolyglotOrALyingFileIsRefused() {
        // The classic GIF/HTML polyglot: its "width" and "height" are the text `/*` and `*/`.
        let polyglot = Array("GIF89a/*\u{0}\u{0}*/=1;alert(1);//".utf8) + [0x3B]
        #expect(throws: ProfilePicture.Refusal.self) { try ProfilePicture(polyglot, as: "image/gif") }
        let huge: [UInt8] = Array("GIF89a".utf8) + [0x00, 0x20, 0x01, 0x00, 0x00, 0x00, 0x00, 0x3B]
        #expect(throws: ProfilePicture.Refusal.self) { try ProfilePicture(huge, as: "image/gif") }
        let signatureOnly: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)
        #expect(throws: ProfilePicture.Refusal.self) { try ProfilePicture(signatureOnly, as: "image/png") }
        #expect(throws: ProfilePicture.Refusal.self) { try ProfilePicture([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], as: "image/jpeg") }
    }
}
