public import Foundation

extension Date {
    /// The instant `milliseconds` after 1970-01-01T00:00:00Z. Events carry their time at
    /// this precision; ``millisecondsSince1970`` of the result is `milliseconds` again.
    public init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }

    /// Whole milliseconds since 1970-01-01T00:00:00Z, rounded down — except that a date
    /// less than a microsecond below a whole millisecond counts as that millisecond: a
    /// date stored as binary seconds often sits a hair below the millisecond it was made
    /// from, and truncating it must not move it.
    public var millisecondsSince1970: Int64 {
        let exact = timeIntervalSince1970 * 1000
        let nearest = exact.rounded()
        return Int64(abs(exact - nearest) < 0.001 ? nearest : exact.rounded(.down))
    }
}
