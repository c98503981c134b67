import PluginKit

/// One charged row of the SMS ledger as a billing export writes it, read by column name.
struct ChargedRow: Sendable {
    let id: Int64
    /// Milliseconds since 1970.
    let acceptedAt: Int64
    let tenant: String
    let user: String?
    let department: String?
    let queue: String?
    let purpose: String
    /// The masked recipient.
    let recipient: String
    let encoding: String
    let segments: Int
    let providerSegments: Int?
    let segmentMismatch: Bool
    let unitPriceOre: Int
    let netOre: Int
    let status: String
    let provider: String?
    let providerMessageID: String?

    /// The columns a query must select for ``init(_:)``.
    static let columns = """
        id, accepted_at, tenant, user, department, queue, purpose, recipient_masked, encoding, segments,
        provider_segments, segment_mismatch, unit_price_ore, net_ore, status, provider, provider_message_id
        """

    /// The row's values; a missing column or a value of another type is an error.
    init(_ row: DatabaseRow) throws(PluginDatabaseError) {
        id = try row.get("id")
        acceptedAt = try row.get("accepted_at")
        tenant = try row.get("tenant")
        user = try row.get("user")
        department = try row.get("department")
        queue = try row.get("queue")
        purpose = try row.get("purpose")
        recipient = try row.get("recipient_masked")
        encoding = try row.get("encoding")
        segments = try row.get("segments")
        providerSegments = try row.get("provider_segments")
        segmentMismatch = try row.get("segment_mismatch")
        unitPriceOre = try row.get("unit_price_ore")
        netOre = try row.get("net_ore")
        status = try row.get("status")
        provider = try row.get("provider")
        providerMessageID = try row.get("provider_message_id")
    }

    /// The value of the column `groupBy` groups by.
    func group(by groupBy: BillingExportRequest.GroupBy) -> String {
        switch groupBy {
        case .tenant: tenant
        case .user: user ?? ""
        case .department: department ?? ""
        case .queue: queue ?? ""
        case .purpose: purpose
        }
    }
}
