/// How a text is cut into SMS parts: its encoding, its length in units, and the units of each
/// part. Pure: the same text always gives the same segmentation.
///
/// Invariants: a message of at most ``SMSEncoding/singlePartCapacity`` units is one part;
/// a longer one is cut into parts of at most ``SMSEncoding/multipartCapacity`` units, and a
/// cut never falls inside an escape pair (GSM-7) or a surrogate pair (UCS-2), so such a
/// part ends one unit short. An empty text is one empty part (a quote refuses it).
public struct SMSSegmentation: Sendable, Hashable {
    /// GSM-7 when every character is in the GSM 03.38 sets, else UCS-2.
    public let encoding: SMSEncoding
    /// Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text.
    public let units: Int
    /// The units of each part, in order; never empty.
    public let partUnits: [Int]

    /// The number of parts (segments) the text is sent and billed as.
    public var segments: Int { partUnits.count }

    /// Segments `text`.
    public init(text: String) {
        let encoding: SMSEncoding = GSMAlphabet.canEncode(text) ? .gsm7 : .ucs2
        // The size of each indivisible piece: a character's septets, or a scalar's UTF-16 units.
        let pieces: [Int] = switch encoding {
        case .gsm7: text.unicodeScalars.map { GSMAlphabet.septets(for: $0) ?? 1 }
        case .ucs2: text.unicodeScalars.map { UTF16.width($0) }
        }
        let units = pieces.reduce(0, +)
        self.encoding = encoding
        self.units = units
        guard units > encoding.singlePartCapacity else {
            partUnits = [units]
            return
        }
        var parts: [Int] = []
        var current = 0
        for piece in pieces {
            if current + piece > encoding.multipartCapacity {
                parts.append(current)
                current = 0
            }
            current += piece
        }
        parts.append(current)
        partUnits = parts
    }
}
