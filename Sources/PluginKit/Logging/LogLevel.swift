/// How important a log record is, from the chattiest to the most severe.
public enum LogLevel: String, Sendable, CaseIterable, Comparable, Codable {
    case trace, debug, info, notice, warning, error, critical

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// Orders levels by severity: `trace < debug < … < critical`.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rank < rhs.rank }
}
