import Foundation
import PluginKit
import Testing

@Suite("RateLimiter: sliding windows per key, bounded memory")
struct RateLimiterTests {
    static let start = Date(timeIntervalSince1970: 1_767_258_000)

    @Test func anEventOverItsKeysLimitIsRefusedUntilTheOldestLeavesTheWindow() {
        let limiter = RateLimiter(window: .seconds(3600))
        #expect(limiter.take("number:+4791234567", limit: 2, at: Self.start) == nil)
        #expect(limiter.take("number:+4791234567", limit: 2, at: Self.start.addingTimeInterval(600)) == nil)
        #expect(limiter.take("number:+4791234567", limit: 2, at: Self.start.addingTimeInterval(1200)) == 2400, "the first event leaves at 3600 s")
        #expect(limiter.take("number:+4790000000", limit: 2, at: Self.start.addingTimeInterval(1200)) == nil, "other keys count apart")
        #expect(limiter.take("number:+4791234567", limit: 2, at: Self.start.addingTimeInterval(3600)) == nil)
    }

    @Test func aRefusalCountsNothingForAnyKey() {
        let limiter = RateLimiter(window: .seconds(3600))
        let limits = [(key: "client|10.0.0.1", limit: 5), (key: "number|+4791234567", limit: 1)]
        #expect(limiter.take(limits, at: Self.start) == nil)
        #expect(limiter.take(limits, at: Self.start) != nil, "the number has had its one")
        #expect(limiter.take("client|10.0.0.1", limit: 2, at: Self.start) == nil, "the refused call did not count for the client")
        #expect(limiter.take("client|10.0.0.1", limit: 2, at: Self.start) != nil)
    }

    @Test func aLimitOfZeroIsNoLimitAndIsNotCounted() {
        let limiter = RateLimiter(window: .seconds(3600))
        for _ in 0..<100 { #expect(limiter.take([(key: "client|-", limit: 0), (key: "tenant|acme", limit: 200)], at: Self.start) == nil) }
        #expect(limiter.trackedKeys == 1)
    }

    @Test func keysIdleForAWindowAreForgotten() {
        let limiter = RateLimiter(window: .seconds(3600))
        for index in 0..<1000 { _ = limiter.take("client|10.0.\(index / 256).\(index % 256)", limit: 10, at: Self.start) }
        #expect(limiter.trackedKeys == 1000)
        _ = limiter.take("client|10.9.9.9", limit: 10, at: Self.start.addingTimeInterval(1800))
        #expect(limiter.trackedKeys == 1001, "keys with events in the window stay")
        _ = limiter.take("client|10.9.9.8", limit: 10, at: Self.start.addingTimeInterval(3600))
        #expect(limiter.trackedKeys == 2, "the thousand idle keys are gone; the two with events in the last hour remain")
    }

    @Test func moreActiveKeysThanTheMaximumAreForgottenAltogether() {
        let limiter = RateLimiter(window: .seconds(3600), maximumKeys: 10)
        for index in 0...10 { #expect(limiter.take("client|\(index)", limit: 1, at: Self.start) == nil) }
        #expect(limiter.take("client|0", limit: 1, at: Self.start) == nil, "over the maximum the counts are forgotten: the limit fails open")
        #expect(limiter.trackedKeys == 1)
    }
}
