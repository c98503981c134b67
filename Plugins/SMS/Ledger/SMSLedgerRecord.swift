public import Foundation

/// One row of the SMS ledger: one SMS (or one notice merged into another's SMS), under its
/// idempotency key.
///
/// The full recipient and the text are kept only while the message may still be sent
/// (status `reserved`); afterwards only the masked recipient remains.
public struct SMSLedgerRecord: Sendable, Hashable {
    /// The row's id in the ledger.
    public var id: Int64
    /// `EVENT-ID|RECIPIENT|PURPOSE`: unique; a second reservation under it finds this row.
    public var idempotencyKey: String
    /// The company.
    public var tenant: String
    /// The user the SMS is for or from, when one is.
    public var user: String?
    /// The user's department, when known.
    public var department: String?
    /// The queue involved, when one is.
    public var queue: String?
    /// Why it is sent.
    public var purpose: SMSPurpose
    /// The recipient in E.164 while the message may be sent; nil afterwards.
    public var recipient: String?
    /// The recipient with all but the country code and last two digits masked.
    public var maskedRecipient: String
    /// The text while the message may be sent; nil afterwards.
    public var text: String?
    /// Notices with the same group merge into one SMS while it waits (missed calls from one caller).
    public var mergeGroup: String?
    /// How many notices this SMS carries (1 unless merged into).
    public var noticeCount: Int
    /// The encoding of the text.
    public var encoding: SMSEncoding
    /// Our segment count.
    public var segments: Int
    /// The price of one segment in øre excl. VAT.
    public var unitPriceOre: Int
    /// The charged amount in øre excl. VAT: `segments × unitPriceOre` once accepted, else 0.
    public var netOre: Int
    /// The provider's name, once sent.
    public var provider: String?
    /// The provider's message id, once accepted.
    public var providerMessageID: String?
    /// The segments the provider reported, when it did.
    public var providerSegments: Int?
    /// Whether the provider's segment count differs from ours.
    public var segmentMismatch: Bool
    /// The status.
    public var status: SMSLedgerStatus
    /// Why it was released, dropped or failed.
    public var reason: String?
    /// When it was reserved.
    public var createdAt: Date
    /// Not sent before this (the merge window).
    public var sendAfter: Date
    /// Dropped instead of sent after this.
    public var expiresAt: Date
    /// When the provider accepted it.
    public var acceptedAt: Date?
    /// When it reached a final status.
    public var finishedAt: Date?

    /// Creates a record.
    public init(
        id: Int64, idempotencyKey: String, tenant: String, user: String?, department: String?, queue: String?,
        purpose: SMSPurpose, recipient: String?, maskedRecipient: String, text: String?, mergeGroup: String?,
        noticeCount: Int, encoding: SMSEncoding, segments: Int, unitPriceOre: Int, netOre: Int, provider: String?,
        providerMessageID: String?, providerSegments: Int?, segmentMismatch: Bool, status: SMSLedgerStatus,
        reason: String?, createdAt: Date, sendAfter: Date, expiresAt: Date, acceptedAt: Date?, finishedAt: Date?
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.tenant = tenant
        self.user = user
        self.department = department
        self.queue = queue
        self.purpose = purpose
        self.recipient = recipient
        self.maskedRecipient = maskedRecipient
        self.text = text
        self.mergeGroup = mergeGroup
        self.noticeCount = noticeCount
        self.encoding = encoding
        self.segments = segments
        self.unitPriceOre = unitPriceOre
        self.netOre = netOre
        self.provider = provider
        self.providerMessageID = providerMessageID
        self.providerSegments = providerSegments
        self.segmentMismatch = segmentMismatch
        self.status = status
        self.reason = reason
        self.createdAt = createdAt
        self.sendAfter = sendAfter
        self.expiresAt = expiresAt
        self.acceptedAt = acceptedAt
        self.finishedAt = finishedAt
    }
}
