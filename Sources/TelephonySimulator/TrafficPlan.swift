/// The simulated traffic: how often calls arrive and where they go, and what users do.
public struct TrafficPlan: Sendable, Hashable {
    /// Mean time between arrivals (uniform between zero and twice this).
    public var meanInterarrival: Duration
    /// Chance an arrival is for a queue's main number (else a user's number).
    public var queueShare: Double
    /// How many distinct outside numbers call (callers repeat, so comments carry).
    public var outsideCallers: Int
    /// Chance a user who answered transfers the call a little later (DIR-3), to a random colleague.
    public var transferProbability: Double
    /// Mean time between status changes by a random user (AV-1, PROF-9); nil for none.
    public var statusChangeInterval: Duration?

    /// A plan; by default a call every 2 s, 70 % to queues, no transfers or status changes.
    public init(
        meanInterarrival: Duration = .seconds(2), queueShare: Double = 0.7, outsideCallers: Int = 5000,
        transferProbability: Double = 0, statusChangeInterval: Duration? = nil
    ) {
        self.meanInterarrival = meanInterarrival
        self.queueShare = queueShare
        self.outsideCallers = outsideCallers
        self.transferProbability = transferProbability
        self.statusChangeInterval = statusChangeInterval
    }
}
