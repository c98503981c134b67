/// What happened, with its data: one case per event type of docs/events.md.
public enum EventPayload: Sendable, Hashable {
    /// `call.incoming`.
    case callIncoming(CallIncomingData)
    /// `call.outgoing`.
    case callOutgoing(CallOutgoingData)
    /// `call.ringing`.
    case callRinging(CallRingingData)
    /// `call.forwarded`.
    case callForwarded(CallForwardedData)
    /// `call.answered`.
    case callAnswered(CallAnsweredData)
    /// `call.held`.
    case callHeld(CallHoldData)
    /// `call.resumed`.
    case callResumed(CallHoldData)
    /// `call.transfer.started`.
    case callTransferStarted(CallTransferStartedData)
    /// `call.transfer.answered`.
    case callTransferAnswered(CallTransferAnsweredData)
    /// `call.transferred`.
    case callTransferred(CallTransferredData)
    /// `call.transfer.returned`.
    case callTransferReturned(CallTransferReturnedData)
    /// `call.missed`.
    case callMissed(CallMissedData)
    /// `call.ended`.
    case callEnded(CallEndedData)
    /// `call.calledBack`.
    case callCalledBack(CallCalledBackData)
    /// `queue.caller.joined`.
    case queueCallerJoined(QueueCallerJoinedData)
    /// `queue.caller.left`.
    case queueCallerLeft(QueueCallerLeftData)
    /// `queue.offer.ringing`.
    case queueOfferRinging(QueueOfferRingingData)
    /// `queue.offer.rescinded`.
    case queueOfferRescinded(QueueOfferRescindedData)
    /// `queue.offer.failed`.
    case queueOfferFailed(QueueOfferFailedData)
    /// `assistant.played`.
    case assistantPlayed(AssistantPlayedData)
    /// `assistant.choice`.
    case assistantChoice(AssistantChoiceData)
    /// `voicemail.left`.
    case voicemailLeft(VoicemailLeftData)
    /// `notification.missedCall.requested`.
    case missedCallNotificationRequested(MissedCallNotificationData)
    /// `member.queue.login`.
    case memberQueueLogin(MemberQueueData)
    /// `member.queue.logout`.
    case memberQueueLogout(MemberQueueData)
    /// `member.wrapUp.ended`.
    case memberWrapUpEnded(MemberWrapUpEndedData)
    /// `user.status.changed`.
    case userStatusChanged(UserStatusChangedData)
    /// `user.settings.changed`.
    case userSettingsChanged(UserSettingsChangedData)
    /// `comment.added`.
    case commentAdded(CallerComment)
    // The directory events carry whole profiles and queues; they are boxed (`indirect`) so
    // that every event is not as large as they are (inline, bench-engine ran 6 % more
    // instructions, copying events).
    /// `directory.user.created`.
    indirect case directoryUserCreated(DirectoryUserData)
    /// `directory.user.updated`.
    indirect case directoryUserUpdated(DirectoryUserData)
    /// `directory.user.removed`.
    indirect case directoryUserRemoved(DirectoryUserRemovedData)
    /// `directory.queue.created`.
    indirect case directoryQueueCreated(DirectoryQueueData)
    /// `directory.queue.updated`.
    indirect case directoryQueueUpdated(DirectoryQueueData)
    /// `directory.queue.removed`.
    indirect case directoryQueueRemoved(DirectoryQueueData)
    /// `directory.member.set`.
    case directoryMemberSet(DirectoryMemberData)
    /// `directory.member.removed`.
    case directoryMemberRemoved(DirectoryMemberData)
}

extension EventPayload {
    // Adding an event type: its case above, its line in `visit(_:)` (the compiler asks for it)
    // and in `catalogue` (EventsDocumentTests asks for it), and its section in docs/events.md.

    /// Hands the event's type and data to `visitor`: the one place a case meets its type.
    func visit<Visitor: EventDataVisitor>(_ visitor: Visitor) throws(Visitor.Failure) -> Visitor.Result {
        switch self {
        case .callIncoming(let data): try visitor.visit(type: "call.incoming", data: data)
        case .callOutgoing(let data): try visitor.visit(type: "call.outgoing", data: data)
        case .callRinging(let data): try visitor.visit(type: "call.ringing", data: data)
        case .callForwarded(let data): try visitor.visit(type: "call.forwarded", data: data)
        case .callAnswered(let data): try visitor.visit(type: "call.answered", data: data)
        case .callHeld(let data): try visitor.visit(type: "call.held", data: data)
        case .callResumed(let data): try visitor.visit(type: "call.resumed", data: data)
        case .callTransferStarted(let data): try visitor.visit(type: "call.transfer.started", data: data)
        case .callTransferAnswered(let data): try visitor.visit(type: "call.transfer.answered", data: data)
        case .callTransferred(let data): try visitor.visit(type: "call.transferred", data: data)
        case .callTransferReturned(let data): try visitor.visit(type: "call.transfer.returned", data: data)
        case .callMissed(let data): try visitor.visit(type: "call.missed", data: data)
        case .callEnded(let data): try visitor.visit(type: "call.ended", data: data)
        case .callCalledBack(let data): try visitor.visit(type: "call.calledBack", data: data)
        case .queueCallerJoined(let data): try visitor.visit(type: "queue.caller.joined", data: data)
        case .queueCallerLeft(let data): try visitor.visit(type: "queue.caller.left", data: data)
        case .queueOfferRinging(let data): try visitor.visit(type: "queue.offer.ringing", data: data)
        case .queueOfferRescinded(let data): try visitor.visit(type: "queue.offer.rescinded", data: data)
        case .queueOfferFailed(let data): try visitor.visit(type: "queue.offer.failed", data: data)
        case .assistantPlayed(let data): try visitor.visit(type: "assistant.played", data: data)
        case .assistantChoice(let data): try visitor.visit(type: "assistant.choice", data: data)
        case .voicemailLeft(let data): try visitor.visit(type: "voicemail.left", data: data)
        case .missedCallNotificationRequested(let data): try visitor.visit(type: "notification.missedCall.requested", data: data)
        case .memberQueueLogin(let data): try visitor.visit(type: "member.queue.login", data: data)
        case .memberQueueLogout(let data): try visitor.visit(type: "member.queue.logout", data: data)
        case .memberWrapUpEnded(let data): try visitor.visit(type: "member.wrapUp.ended", data: data)
        case .userStatusChanged(let data): try visitor.visit(type: "user.status.changed", data: data)
        case .userSettingsChanged(let data): try visitor.visit(type: "user.settings.changed", data: data)
        case .commentAdded(let data): try visitor.visit(type: "comment.added", data: data)
        case .directoryUserCreated(let data): try visitor.visit(type: "directory.user.created", data: data)
        case .directoryUserUpdated(let data): try visitor.visit(type: "directory.user.updated", data: data)
        case .directoryUserRemoved(let data): try visitor.visit(type: "directory.user.removed", data: data)
        case .directoryQueueCreated(let data): try visitor.visit(type: "directory.queue.created", data: data)
        case .directoryQueueUpdated(let data): try visitor.visit(type: "directory.queue.updated", data: data)
        case .directoryQueueRemoved(let data): try visitor.visit(type: "directory.queue.removed", data: data)
        case .directoryMemberSet(let data): try visitor.visit(type: "directory.member.set", data: data)
        case .directoryMemberRemoved(let data): try visitor.visit(type: "directory.member.removed", data: data)
        }
    }

    /// Every event type, in the order of docs/events.md, and how its data decodes.
    private static let catalogue: [EventDecoding] = [
        EventDecoding("call.incoming", EventPayload.callIncoming),
        EventDecoding("call.outgoing", EventPayload.callOutgoing),
        EventDecoding("call.ringing", EventPayload.callRinging),
        EventDecoding("call.forwarded", EventPayload.callForwarded),
        EventDecoding("queue.caller.joined", EventPayload.queueCallerJoined),
        EventDecoding("queue.caller.left", EventPayload.queueCallerLeft),
        EventDecoding("queue.offer.ringing", EventPayload.queueOfferRinging),
        EventDecoding("queue.offer.rescinded", EventPayload.queueOfferRescinded),
        EventDecoding("queue.offer.failed", EventPayload.queueOfferFailed),
        EventDecoding("call.answered", EventPayload.callAnswered),
        EventDecoding("call.held", EventPayload.callHeld),
        EventDecoding("call.resumed", EventPayload.callResumed),
        EventDecoding("call.transfer.started", EventPayload.callTransferStarted),
        EventDecoding("call.transfer.answered", EventPayload.callTransferAnswered),
        EventDecoding("call.transferred", EventPayload.callTransferred),
        EventDecoding("call.transfer.returned", EventPayload.callTransferReturned),
        EventDecoding("call.missed", EventPayload.callMissed),
        EventDecoding("call.ended", EventPayload.callEnded),
        EventDecoding("call.calledBack", EventPayload.callCalledBack),
        EventDecoding("assistant.played", EventPayload.assistantPlayed),
        EventDecoding("assistant.choice", EventPayload.assistantChoice),
        EventDecoding("voicemail.left", EventPayload.voicemailLeft),
        EventDecoding("notification.missedCall.requested", EventPayload.missedCallNotificationRequested),
        EventDecoding("member.queue.login", EventPayload.memberQueueLogin),
        EventDecoding("member.queue.logout", EventPayload.memberQueueLogout),
        EventDecoding("member.wrapUp.ended", EventPayload.memberWrapUpEnded),
        EventDecoding("user.status.changed", EventPayload.userStatusChanged),
        EventDecoding("user.settings.changed", EventPayload.userSettingsChanged),
        EventDecoding("comment.added", EventPayload.commentAdded),
        EventDecoding("directory.user.created", EventPayload.directoryUserCreated),
        EventDecoding("directory.user.updated", EventPayload.directoryUserUpdated),
        EventDecoding("directory.user.removed", EventPayload.directoryUserRemoved),
        EventDecoding("directory.queue.created", EventPayload.directoryQueueCreated),
        EventDecoding("directory.queue.updated", EventPayload.directoryQueueUpdated),
        EventDecoding("directory.queue.removed", EventPayload.directoryQueueRemoved),
        EventDecoding("directory.member.set", EventPayload.directoryMemberSet),
        EventDecoding("directory.member.removed", EventPayload.directoryMemberRemoved),
    ]

    private static let decodings = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.type, $0) })

    /// Every event type, in the order of docs/events.md.
    public static let allTypes: [String] = catalogue.map(\.type)

    /// The dotted event type, e.g. `queue.caller.joined`.
    public var type: String { visit(TypeName()) }

    /// Encodes the data object alone (the envelope's `data`).
    func encodeData(to encoder: any Encoder) throws {
        try visit(DataEncoding(encoder: encoder))
    }

    /// Writes the data object alone, as ``SortedJSONEncoder`` writes it, where `writer` stands;
    /// returns the event's type.
    @discardableResult
    func writeData(to writer: JSONByteWriter) throws -> String {
        try visit(DataWriting(writer: writer))
    }

    /// Decodes the data object of an event of `type`; nil for a type this version does not know.
    static func decode(type: String, from decoder: any Decoder) throws -> EventPayload? {
        try decodings[type]?.decode(decoder)
    }
}

/// One event type's name and how its data decodes into its case.
private struct EventDecoding: Sendable {
    let type: String
    let decode: @Sendable (any Decoder) throws -> EventPayload

    init<Data: Decodable & SendableMetatype>(_ type: String, _ makePayload: @escaping @Sendable (Data) -> EventPayload) {
        self.type = type
        decode = { makePayload(try Data(from: $0)) }
    }
}

/// What is done with an event's type and data; see `EventPayload.visit(_:)`.
protocol EventDataVisitor {
    associatedtype Result
    associatedtype Failure: Error
    func visit<Data: Encodable>(type: String, data: Data) throws(Failure) -> Result
}

private struct TypeName: EventDataVisitor {
    func visit<Data: Encodable>(type: String, data: Data) -> String { type }
}

private struct DataEncoding: EventDataVisitor {
    let encoder: any Encoder
    func visit<Data: Encodable>(type: String, data: Data) throws(any Error) { try data.encode(to: encoder) }
}

private struct DataWriting: EventDataVisitor {
    let writer: JSONByteWriter
    func visit<Data: Encodable>(type: String, data: Data) throws(any Error) -> String {
        try writer.writeValue(data)
        return type
    }
}
