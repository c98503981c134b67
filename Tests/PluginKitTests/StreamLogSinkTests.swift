import Foundation
import PluginKit
import Testing

/// The log sink's writer thread: whole lines from many threads, loggers never held up by an
/// output that does not read, and error lines out before `write` returns.
@Suite("StreamLogSink: lines written from a thread of its own")
struct StreamLogSinkTests {
    private static func record(_ message: String, level: LogLevel = .info) -> LogRecord {
        LogRecord(timestamp: Date(), level: level, label: "test", message: message, metadata: [:])
    }

    /// Reads `pipe` to its end on a thread of its own.
    private static func drain(_ pipe: Pipe) async -> String {
        await withCheckedContinuation { continuation in
            Thread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }.start()
        }
    }

    @Test func linesFromManyThreadsArriveWholeAndAllOfThem() async throws {
        let pipe = Pipe()
        let sink = StreamLogSink(minimumLevel: .info, format: .text, output: pipe.fileHandleForWriting)
        async let text = Self.drain(pipe)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for index in 0..<500 {
                sink.write(Self.record("thread-\(thread) line-\(index) " + String(repeating: "x", count: 200)))
            }
        }
        sink.flush()
        try pipe.fileHandleForWriting.close()
        let lines = await text.split(separator: "\n")
        #expect(lines.count == 4000)
        #expect(lines.allSatisfy { $0.hasSuffix(String(repeating: "x", count: 200)) && $0.contains(" info test: thread-") })
        for thread in 0..<8 {
            let own = lines.filter { $0.contains("thread-\(thread) ") }
            #expect(own.count == 500 && own.enumerated().allSatisfy { $0.element.contains("line-\($0.offset) ") }, "thread \(thread) in order")
        }
    }

    @Test func anOutputThatDoesNotReadHoldsNoLoggerUp() async throws {
        let pipe = Pipe()
        let sink = StreamLogSink(minimumLevel: .info, format: .text, output: pipe.fileHandleForWriting, bufferLimit: 256 * 1024)
        let began = ContinuousClock.now
        // 2 MB of lines into a pipe nobody reads yet (it takes 64 KiB).
        for index in 0..<10_000 {
            sink.write(Self.record("line-\(index) " + String(repeating: "y", count: 180)))
        }
        // Writes that waited for the reader would never return: nothing reads until below.
        #expect(ContinuousClock.now - began < .seconds(60), "writes returned while the output was stuck")
        async let text = Self.drain(pipe)
        sink.flush()
        // The notice of dropped lines goes out once the output moves again.
        sink.write(Self.record("after"))
        sink.flush()
        try pipe.fileHandleForWriting.close()
        let lines = await text.split(separator: "\n")
        let notice = try #require(lines.first { $0.contains("log lines dropped") })
        let dropped = try #require(Int(notice.split(separator: " ").first { Int($0) != nil } ?? ""))
        let kept = lines.filter { $0.contains(" line-") }
        #expect(dropped > 0 && kept.count + dropped == 10_000, "every line is either written or counted as dropped")
        #expect(lines.last?.hasSuffix("after") == true)
    }

    @Test func anErrorLineIsWrittenBeforeWriteReturns() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString).log")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        let sink = StreamLogSink(minimumLevel: .info, format: .text, output: handle)
        sink.write(Self.record("before"))
        sink.write(Self.record("it broke", level: .error))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("info test: before\n") && text.hasSuffix("error test: it broke\n"))
    }
}
