/// How a simulated phone answers when it rings.
public struct PartyBehavior: Sendable, Hashable {
    /// Chance the phone is answered.
    public var answerProbability: Double
    /// Chance an unanswered phone is rejected (else it rings until the engine gives up).
    public var rejectProbability: Double
    /// Time from ringing to answer or rejection.
    public var latency: ClosedRange<Duration>

    /// A behavior; by default answered 80 % of the time after 2–12 s, rejected 5 %.
    public init(answerProbability: Double = 0.8, rejectProbability: Double = 0.05, latency: ClosedRange<Duration> = .seconds(2)...(.seconds(12))) {
        self.answerProbability = answerProbability
        self.rejectProbability = rejectProbability
        self.latency = latency
    }
}

/// How simulated callers behave.
public struct CallerBehavior: Sendable, Hashable {
    /// How long a caller waits for an answer before hanging up.
    public var patience: ClosedRange<Duration>
    /// How long an answered call lasts.
    public var talkTime: ClosedRange<Duration>
    /// Chance the caller, not the answering party, ends the conversation.
    public var callerEndsProbability: Double
    /// PA-1: chances of pressing 1 (leave a message) and 2 (ring anyway); else nothing.
    public var pressOneProbability: Double
    /// PA-1: chance of pressing 2.
    public var pressTwoProbability: Double
    /// How long a voicemail message lasts.
    public var messageLength: ClosedRange<Duration>

    /// A behavior; the defaults are a busy but patient switchboard.
    public init(
        patience: ClosedRange<Duration> = .seconds(30)...(.seconds(400)), talkTime: ClosedRange<Duration> = .seconds(20)...(.seconds(300)),
        callerEndsProbability: Double = 0.5, pressOneProbability: Double = 0.4, pressTwoProbability: Double = 0.3,
        messageLength: ClosedRange<Duration> = .seconds(5)...(.seconds(40))
    ) {
        self.patience = patience
        self.talkTime = talkTime
        self.callerEndsProbability = callerEndsProbability
        self.pressOneProbability = pressOneProbability
        self.pressTwoProbability = pressTwoProbability
        self.messageLength = messageLength
    }
}
