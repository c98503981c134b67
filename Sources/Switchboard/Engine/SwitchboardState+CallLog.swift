extension SwitchboardState {
    /// CMT-1: a comment on a caller's number, visible to the company, carried in the
    /// number's next `call.incoming` and `queue.caller.joined`.
    mutating func addComment(on number: PhoneNumber, text: String, by: UserID, into step: inout Step) throws(SwitchboardError) {
        _ = try requireUser(by)
        guard text.contains(where: { !$0.isWhitespace }) else { throw SwitchboardError(.emptyComment, "a comment needs text") }
        lastCommentNumber += 1
        let comment = CallerComment(id: lastCommentNumber, number: number, text: text, author: by, addedAt: clock)
        comments[number, default: []].append(comment)
        emit(.commentAdded(comment), into: &step)
    }

    /// LOG-3: marks a missed call as called back; only once, only for missed calls.
    mutating func markCalledBack(_ call: CallID, by: UserID, into step: inout Step) throws(SwitchboardError) {
        _ = try requireUser(by)
        if calls[call] != nil { throw SwitchboardError(.notMissed, "\(call) is still going on") }
        guard call.number >= 1, call.number <= lastCallNumber else { throw SwitchboardError(.unknownCall, "no call \(call) in \(tenant)") }
        guard let missed = missedCalls.removeValue(forKey: call) else {
            throw SwitchboardError(.notMissed, "\(call) was answered or is already marked called back")
        }
        emit(.callCalledBack(CallCalledBackData(by: by, number: missed.number)), endedCall: call, callSeq: missed.lastSeq + 1, into: &step)
    }
}
