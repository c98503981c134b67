import Foundation
import PluginKit
import Testing

@Suite("Logging: levels, text and JSON lines, metadata")
struct LoggingTests {
    let record = LogRecord(
        timestamp: Date(timeIntervalSince1970: 1_764_075_048.125), level: .info, label: "http",
        message: "request", metadata: ["path": "/api/v1/version", "method": "GET", "note": "two words"])

    @Test func textLineHasTimestampLevelLabelAndSortedMetadata() {
        #expect(LogFormat.text.line(for: record)
            == "2025-11-25T12:50:48.125Z info http: request method=GET note=\"two words\" path=/api/v1/version")
    }

    @Test func jsonLineIsOneValidObject() throws {
        let line = LogFormat.json.line(for: record)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == ["ts": "2025-11-25T12:50:48.125Z", "level": "info", "label": "http", "msg": "request",
                           "path": "/api/v1/version", "method": "GET", "note": "two words"])
    }

    @Test func valuesCannotForgeLinesOrFields() throws {
        var hostile = record
        hostile.metadata = ["path": "/x\ninjected=1 level=error"]
        let text = LogFormat.text.line(for: hostile)
        #expect(!text.contains("\n"))
        #expect(text.hasSuffix("path=\"/x\\ninjected=1 level=error\""))
        let json = LogFormat.json.line(for: hostile)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
        #expect(object["path"] == "/x\ninjected=1 level=error")
    }

    @Test func loggerDropsRecordsBelowTheSinksLevelAndMergesMetadata() {
        let sink = InMemoryLogSink(minimumLevel: .info)
        let logger = Logger(label: "test", sink: sink, metadata: ["tenant": "nordlys", "k": "logger"])
        logger.debug("hidden")
        logger.info("shown", ["k": "record"])
        logger.labelled("other").error("also shown")
        #expect(sink.records.map(\.message) == ["shown", "also shown"])
        #expect(sink.records[0].metadata == ["tenant": "nordlys", "k": "record"])
        #expect(sink.records[1].label == "other")
    }

    @Test func levelsAreOrderedBySeverity() {
        #expect(LogLevel.allCases.sorted() == [.trace, .debug, .info, .notice, .warning, .error, .critical])
        #expect(LogLevel.warning > .info)
    }

    @Test func rfc3339HandlesDatesBeforeTheEpoch() {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test func rfc3339AgreesWithTheCLibraryFrom1896To2104() {
        for day in stride(from: Int64(-27_028), through: 48_943, by: 1) {
            let milliseconds = day * 86_400_000 + ((day * 7_654_321) % 86_400_000 + 86_400_000) % 86_400_000
            let millisecond = Int32((milliseconds % 1000 + 1000) % 1000)
            var seconds = time_t((milliseconds - Int64(millisecond)) / 1000)
            var parts = tm()
            gmtime_r(&seconds, &parts)
            let expected =
                String(format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)
                + String(format: ".%03dZ", millisecond)
            let written = RFC3339.string(from: Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1000))
            if written != expected {
                Issue.record("day \(day): \(written), the C library says \(expected)")
                return
            }
        }
    }

    @Test func secretsNeverPrintTheirValue() {
        let secret = Secret("s3cr3t-token", from: .environment("SMS_TOKEN"))
        #expect(secret.description == "<redacted env:SMS_TOKEN>")
        #expect("\(secret)" == "<redacted env:SMS_TOKEN>")
        #expect(String(reflecting: secret) == "<redacted env:SMS_TOKEN>")
        #expect(secret.reveal() == "s3cr3t-token")
    }
}

@Test("Secret: dump shows the source only")
func secretDumpHidesValue() {
    var dumped = ""
    dump(Secret("s3cr3t-token", from: .file("/run/secrets/token")), to: &dumped)
    #expect(!dumped.contains("s3cr3t"))
    #expect(dumped.contains("/run/secrets/token"))
}
