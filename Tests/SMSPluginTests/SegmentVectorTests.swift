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

    /// Every case in the shared file (found beside the repository, as `make test` has it).
    static let all: [SegmentCase] = {
        struct File: Decodable { let cases: [SegmentCase] }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("../shared/testdata/sms-segments.json")
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else {
            preconditionFailure("cannot read \(url.path)")
        }
        return file.cases
    }()
}

@Suite("GW-3 SMS segmentation vectors")
struct SegmentVectorTests {
    @Test func theSharedFileHasEveryCase() {
        #expect(SegmentCase.all.count == 74)
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
