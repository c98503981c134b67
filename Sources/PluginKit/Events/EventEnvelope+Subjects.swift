extension EventEnvelope {
    // The fields consumers choose events by, named here once (docs/events.md gives them the
    // same meaning in every type that has them).

    /// `data.queue`: the queue the event is about, when it is about one.
    public var queue: String? { text(of: "queue") }

    /// `data.user`: the user the event is about; for a notification (`notification.*`), the
    /// user it is addressed to.
    public var user: String? { text(of: "user") }

    /// Every user the event names as a party: `data.user`, `data.answeredBy`, `data.by` and
    /// `data.fromUser`, in that order, those present.
    public var users: [String] {
        let data = data
        return ["user", "answeredBy", "by", "fromUser"].compactMap { key in
            if case .string(let id)? = data[key] { id } else { nil }
        }
    }

    private func text(of key: String) -> String? {
        if case .string(let value)? = data[key] { value } else { nil }
    }
}
