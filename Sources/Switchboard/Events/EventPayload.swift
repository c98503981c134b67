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

    /// Every event type, in the order of docs/events.md.
    public static let allTypes: [String] = [
        "call.incoming",
        "call.outgoing",
        "call.ringing",
        "call.forwarded",
        "queue.caller.joined",
        "queue.caller.left",
        "queue.offer.ringing",
        "queue.offer.rescinded",
        "queue.offer.failed",
        "call.answered",
        "call.held",
        "call.resumed",
        "call.transfer.started",
        "call.transfer.answered",
        "call.transferred",
        "call.transfer.returned",
        "call.missed",
        "call.ended",
        "call.calledBack",
        "assistant.played",
        "assistant.choice",
        "voicemail.left",
        "notification.missedCall.requested",
        "member.queue.login",
        "member.queue.logout",
        "member.wrapUp.ended",
        "user.status.changed",
        "user.settings.changed",
        "comment.added",
        "directory.user.created",
        "directory.user.updated",
        "directory.user.removed",
        "directory.queue.created",
        "directory.queue.updated",
        "directory.queue.removed",
        "directory.member.set",
        "directory.member.removed",
    ]

    /// The dotted event type, e.g. `queue.caller.joined`.
    public var type: String {
        switch self {
        case .callIncoming: "call.incoming"
        case .callOutgoing: "call.outgoing"
        case .callRinging: "call.ringing"
        case .callForwarded: "call.forwarded"
        case .callAnswered: "call.answered"
        case .callHeld: "call.held"
        case .callResumed: "call.resumed"
        case .callTransferStarted: "call.transfer.started"
        case .callTransferAnswered: "call.transfer.answered"
        case .callTransferred: "call.transferred"
        case .callTransferReturned: "call.transfer.returned"
        case .callMissed: "call.missed"
        case .callEnded: "call.ended"
        case .callCalledBack: "call.calledBack"
        case .queueCallerJoined: "queue.caller.joined"
        case .queueCallerLeft: "queue.caller.left"
        case .queueOfferRinging: "queue.offer.ringing"
        case .queueOfferRescinded: "queue.offer.rescinded"
        case .queueOfferFailed: "queue.offer.failed"
        case .assistantPlayed: "assistant.played"
        case .assistantChoice: "assistant.choice"
        case .voicemailLeft: "voicemail.left"
        case .missedCallNotificationRequested: "notification.missedCall.requested"
        case .memberQueueLogin: "member.queue.login"
        case .memberQueueLogout: "member.queue.logout"
        case .memberWrapUpEnded: "member.wrapUp.ended"
        case .userStatusChanged: "user.status.changed"
        case .userSettingsChanged: "user.settings.changed"
        case .commentAdded: "comment.added"
        case .directoryUserCreated: "directory.user.created"
        case .directoryUserUpdated: "directory.user.updated"
        case .directoryUserRemoved: "directory.user.removed"
        case .directoryQueueCreated: "directory.queue.created"
        case .directoryQueueUpdated: "directory.queue.updated"
        case .directoryQueueRemoved: "directory.queue.removed"
        case .directoryMemberSet: "directory.member.set"
        case .directoryMemberRemoved: "directory.member.removed"
        }
    }

    /// Encodes the data object alone (the envelope's `data`).
    func encodeData(to encoder: any Encoder) throws {
        switch self {
        case .callIncoming(let data): try data.encode(to: encoder)
        case .callOutgoing(let data): try data.encode(to: encoder)
        case .callRinging(let data): try data.encode(to: encoder)
        case .callForwarded(let data): try data.encode(to: encoder)
        case .callAnswered(let data): try data.encode(to: encoder)
        case .callHeld(let data): try data.encode(to: encoder)
        case .callResumed(let data): try data.encode(to: encoder)
        case .callTransferStarted(let data): try data.encode(to: encoder)
        case .callTransferAnswered(let data): try data.encode(to: encoder)
        case .callTransferred(let data): try data.encode(to: encoder)
        case .callTransferReturned(let data): try data.encode(to: encoder)
        case .callMissed(let data): try data.encode(to: encoder)
        case .callEnded(let data): try data.encode(to: encoder)
        case .callCalledBack(let data): try data.encode(to: encoder)
        case .queueCallerJoined(let data): try data.encode(to: encoder)
        case .queueCallerLeft(let data): try data.encode(to: encoder)
        case .queueOfferRinging(let data): try data.encode(to: encoder)
        case .queueOfferRescinded(let data): try data.encode(to: encoder)
        case .queueOfferFailed(let data): try data.encode(to: encoder)
        case .assistantPlayed(let data): try data.encode(to: encoder)
        case .assistantChoice(let data): try data.encode(to: encoder)
        case .voicemailLeft(let data): try data.encode(to: encoder)
        case .missedCallNotificationRequested(let data): try data.encode(to: encoder)
        case .memberQueueLogin(let data): try data.encode(to: encoder)
        case .memberQueueLogout(let data): try data.encode(to: encoder)
        case .memberWrapUpEnded(let data): try data.encode(to: encoder)
        case .userStatusChanged(let data): try data.encode(to: encoder)
        case .userSettingsChanged(let data): try data.encode(to: encoder)
        case .commentAdded(let data): try data.encode(to: encoder)
        case .directoryUserCreated(let data): try data.encode(to: encoder)
        case .directoryUserUpdated(let data): try data.encode(to: encoder)
        case .directoryUserRemoved(let data): try data.encode(to: encoder)
        case .directoryQueueCreated(let data): try data.encode(to: encoder)
        case .directoryQueueUpdated(let data): try data.encode(to: encoder)
        case .directoryQueueRemoved(let data): try data.encode(to: encoder)
        case .directoryMemberSet(let data): try data.encode(to: encoder)
        case .directoryMemberRemoved(let data): try data.encode(to: encoder)
        }
    }

    /// Decodes the data object of an event of `type`; nil for a type this version does not know.
    static func decode(type: String, from decoder: any Decoder) throws -> EventPayload? {
        switch type {
        case "call.incoming": .callIncoming(try CallIncomingData(from: decoder))
        case "call.outgoing": .callOutgoing(try CallOutgoingData(from: decoder))
        case "call.ringing": .callRinging(try CallRingingData(from: decoder))
        case "call.forwarded": .callForwarded(try CallForwardedData(from: decoder))
        case "call.answered": .callAnswered(try CallAnsweredData(from: decoder))
        case "call.held": .callHeld(try CallHoldData(from: decoder))
        case "call.resumed": .callResumed(try CallHoldData(from: decoder))
        case "call.transfer.started": .callTransferStarted(try CallTransferStartedData(from: decoder))
        case "call.transfer.answered": .callTransferAnswered(try CallTransferAnsweredData(from: decoder))
        case "call.transferred": .callTransferred(try CallTransferredData(from: decoder))
        case "call.transfer.returned": .callTransferReturned(try CallTransferReturnedData(from: decoder))
        case "call.missed": .callMissed(try CallMissedData(from: decoder))
        case "call.ended": .callEnded(try CallEndedData(from: decoder))
        case "call.calledBack": .callCalledBack(try CallCalledBackData(from: decoder))
        case "queue.caller.joined": .queueCallerJoined(try QueueCallerJoinedData(from: decoder))
        case "queue.caller.left": .queueCallerLeft(try QueueCallerLeftData(from: decoder))
        case "queue.offer.ringing": .queueOfferRinging(try QueueOfferRingingData(from: decoder))
        case "queue.offer.rescinded": .queueOfferRescinded(try QueueOfferRescindedData(from: decoder))
        case "queue.offer.failed": .queueOfferFailed(try QueueOfferFailedData(from: decoder))
        case "assistant.played": .assistantPlayed(try AssistantPlayedData(from: decoder))
        case "assistant.choice": .assistantChoice(try AssistantChoiceData(from: decoder))
        case "voicemail.left": .voicemailLeft(try VoicemailLeftData(from: decoder))
        case "notification.missedCall.requested": .missedCallNotificationRequested(try MissedCallNotificationData(from: decoder))
        case "member.queue.login": .memberQueueLogin(try MemberQueueData(from: decoder))
        case "member.queue.logout": .memberQueueLogout(try MemberQueueData(from: decoder))
        case "member.wrapUp.ended": .memberWrapUpEnded(try MemberWrapUpEndedData(from: decoder))
        case "user.status.changed": .userStatusChanged(try UserStatusChangedData(from: decoder))
        case "user.settings.changed": .userSettingsChanged(try UserSettingsChangedData(from: decoder))
        case "comment.added": .commentAdded(try CallerComment(from: decoder))
        case "directory.user.created": .directoryUserCreated(try DirectoryUserData(from: decoder))
        case "directory.user.updated": .directoryUserUpdated(try DirectoryUserData(from: decoder))
        case "directory.user.removed": .directoryUserRemoved(try DirectoryUserRemovedData(from: decoder))
        case "directory.queue.created": .directoryQueueCreated(try DirectoryQueueData(from: decoder))
        case "directory.queue.updated": .directoryQueueUpdated(try DirectoryQueueData(from: decoder))
        case "directory.queue.removed": .directoryQueueRemoved(try DirectoryQueueData(from: decoder))
        case "directory.member.set": .directoryMemberSet(try DirectoryMemberData(from: decoder))
        case "directory.member.removed": .directoryMemberRemoved(try DirectoryMemberData(from: decoder))
        default: nil
        }
    }
}
