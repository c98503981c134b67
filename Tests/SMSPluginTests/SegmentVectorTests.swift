import Foundation
import SMSPlugin
import Testing

/// One case of `../shared/testdata/sms-segments.json`.
struct SegmentCase: Decodable, Sendable, CustomTestStringConvertible {
    let source: String
    let description: String
    let text: String
    let encoding: String
    let units: Int
    let segments: Int
    let partUnits: [Int]

    enum CodingKeys: String, CodingKey {
        case source, description, text, encoding, units, segments
        case partUnits = "part_units"
    }

    var testDescription: String { "\(source): \(description)" }

    /// The shared file's cases (found beside the repository, as `make test` has it), or why
    /// they could not be read: a missing file fails `theSharedFileHasEveryCase` with its path
    /// instead of taking the whole test binary down.
    static let loaded: Result<[SegmentCase], any Error> = {
        struct File: Decodable { let cases: [SegmentCase] }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("../shared/testdata/sms-segments.json")
        return Result { try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases }
    }()

    /// Every case in the shared file; none when it cannot be read.
    static var all: [SegmentCase] { (try? loaded.get()) ?? [] }
}

@Suite("GW-3 SMS segmentation vectors")
struct SegmentVectorTests {
    @Test func theSharedFileHasEveryCase() throws {
        #expect(try SegmentCase.loaded.get().count == 74)
    }

    @Test(arguments: SegmentCase.all)
    func segmentsAsTheVectorSays(_ vector: SegmentCase) {
        let segmentation = SMSSegmentation(text: vector.text)
        #expect(segmentation.encoding.rawValue == vector.encoding)
        #expect(segmentation.units == vector.units)
        #expect(segmentation.segments == vector.segments)
        #expect(segmentation.partUnits == vector.partUnits)
    }
}
