extension JSONByteWriter {
    /// Writes `value` directly, as its `encode(to:)` writes it, when it is one of the engine's
    /// own scalar types that most of an event's fields hold; false for any other type, which
    /// goes through its `encode(to:)`. (A type is recognised by its metatype, which costs a
    /// comparison, not a protocol look-up; SortedJSONEncoderTests compare every event type's
    /// bytes with JSONEncoder's, which uses `encode(to:)`.)
    @inline(__always)
    func writeEngineScalar<Value>(_ value: Value) -> Bool {
        if Value.self == UserID.self {
            writeString(unsafeBitCast(value, to: UserID.self).rawValue)
        } else if Value.self == QueueID.self {
            writeString(unsafeBitCast(value, to: QueueID.self).rawValue)
        } else if Value.self == PhoneNumber.self {
            writeString(unsafeBitCast(value, to: PhoneNumber.self).e164)
        } else if Value.self == LegID.self {
            write(unsafeBitCast(value, to: LegID.self))
        } else if Value.self == Timestamp.self {
            write(unsafeBitCast(value, to: Timestamp.self))
        } else {
            // The closed vocabularies of event fields: String enums, whose synthesized
            // encode(to:) writes the raw value. The most frequent first.
            return writeWord(value, ifOf: RingReason.self) || writeWord(value, ifOf: Device.self)
                || writeWord(value, ifOf: OfferRule.self) || writeWord(value, ifOf: CallRoute.self)
                || writeWord(value, ifOf: CallOutcome.self) || writeWord(value, ifOf: CallEnder.self)
                || writeWord(value, ifOf: QueueJoinCause.self) || writeWord(value, ifOf: QueueLeaveReason.self)
                || writeWord(value, ifOf: OfferRescindReason.self) || writeWord(value, ifOf: OfferFailReason.self)
                || writeWord(value, ifOf: MissReason.self) || writeWord(value, ifOf: TransferKind.self)
                || writeWord(value, ifOf: TransferOutcome.self) || writeWord(value, ifOf: LoginCause.self)
                || writeWord(value, ifOf: StatusChangeCause.self) || writeWord(value, ifOf: AssistantChoice.self)
                || writeWord(value, ifOf: Language.self)
        }
        return true
    }

    /// Writes `value` as its raw value when it is a `Word`.
    @inline(__always)
    private func writeWord<Value, Word: RawRepresentable<String>>(_ value: Value, ifOf word: Word.Type) -> Bool {
        guard Value.self == Word.self else { return false }
        writeString(unsafeBitCast(value, to: Word.self).rawValue)
        return true
    }

    /// `"call-N.I"`, as `LegID.encode(to:)` writes it.
    func write(_ leg: LegID) {
        append(#""call-"#)
        write(leg.call.number)
        append(".")
        write(leg.index)
        append(#"""#)
    }

    /// `"call-N"`, as `CallID.encode(to:)` writes it.
    func write(_ call: CallID) {
        append(#""call-"#)
        write(call.number)
        append(#"""#)
    }

    /// The time in RFC 3339, as `Timestamp.encode(to:)` writes it.
    func write(_ time: Timestamp) {
        bytes.append(UInt8(ascii: "\""))
        if time.millisecondsSinceEpoch == lastTime.milliseconds {
            lastTime.text.withUnsafeBufferPointer { bytes.append($0) }
        } else {
            let start = bytes.count
            bytes.append(upTo: 24) { time.writeRFC3339(into: $0) }
            if bytes.count == start {
                // A year without four digits: its description has nothing to escape either.
                var text = time.description
                text.withUTF8 { bytes.append($0) }
            } else {
                lastTime.milliseconds = time.millisecondsSinceEpoch
                for index in 0..<24 { lastTime.text[index] = bytes[start + index] }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
