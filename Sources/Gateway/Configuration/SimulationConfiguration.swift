public import PluginKit
import TOML

/// The simulated telephony platform: section `[simulation]`. When enabled it plays callers
/// and colleagues' phones for every company, so the switchboard has realistic traffic
/// without a real telephone platform (the demo, load tests, the crash test).
public struct SimulationConfiguration: Sendable, Equatable, EffectiveConfiguration {
    /// Key `enabled`: run the simulation; default false.
    public var enabled = false
    /// Key `calls_per_minute`: mean arrival rate of new calls per company; 1…60000, default 6.
    public var callsPerMinute = 6
    /// Key `queue_share_percent`: share of calls to queues (the rest call users directly);
    /// 0…100, default 80.
    public var queueSharePercent = 80
    /// Key `answer_percent`: chance that a ringing colleague answers; 0…100, default 85.
    public var answerPercent = 85
    /// Key `seed`: the random seed, so a run can be repeated; default 1.
    public var seed = 1
    /// Key `log_in_members`: at start, log every queue member into their queues, so the
    /// simulated calls are offered and answered (the demo); default false.
    public var logInMembers = false

    /// The defaults (off).
    public init() {}

    /// Reads `[simulation]`.
    public init(config: ConfigReader) {
        enabled = config.boolean("enabled", default: enabled)
        callsPerMinute = config.integer("calls_per_minute", default: callsPerMinute, in: 1...60_000)
        queueSharePercent = config.integer("queue_share_percent", default: queueSharePercent, in: 0...100)
        answerPercent = config.integer("answer_percent", default: answerPercent, in: 0...100)
        seed = config.integer("seed", default: seed, in: 0...Int(Int32.max))
        logInMembers = config.boolean("log_in_members", default: logInMembers)
    }

    var effective: TOMLTable {
        var table = TOMLTable()
        table.set("enabled", .boolean(enabled))
        table.set("calls_per_minute", .integer(Int64(callsPerMinute)))
        table.set("queue_share_percent", .integer(Int64(queueSharePercent)))
        table.set("answer_percent", .integer(Int64(answerPercent)))
        table.set("seed", .integer(Int64(seed)))
        table.set("log_in_members", .boolean(logInMembers))
        return table
    }
}
