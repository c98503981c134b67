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

    /// The columns a query must select, in the order ``init(_:at:)`` reads them.
    static let names = [
        "id", "accepted_at", "tenant", "user", "department", "queue", "purpose", "recipient_masked", "encoding", "segments",
        "provider_segments", "segment_mismatch", "unit_price_ore", "net_ore", "status", "provider", "provider_message_id",
    ]

    /// ``names`` as a select list.
    static let columns = names.joined(separator: ", ")

    /// The row's values; `positions` are ``names``' positions in the query (resolved once
    /// per query with ``DatabaseColumns/positions(of:)``). A value of another type is an
    /// error.
    init(_ row: DatabaseRow, at positions: [Int]) throws(PluginDatabaseError) {
        id = try row.get(at: positions[0])
        acceptedAt = try row.get(at: positions[1])
        tenant = try row.get(at: positions[2])
        user = try row.get(at: positions[3])
        department = try row.get(at: positions[4])
        queue = try row.get(at: positions[5])
        purpose = try row.get(at: positions[6])
        recipient = try row.get(at: positions[7])
        encoding = try row.get(at: positions[8])
        segments = try row.get(at: positions[9])
        providerSegments = try row.get(at: positions[10])
        segmentMismatch = try row.get(at: positions[11])
        unitPriceOre = try row.get(at: positions[12])
        netOre = try row.get(at: positions[13])
        status = try row.get(at: positions[14])
        provider = try row.get(at: positions[15])
        providerMessageID = try row.get(at: positions[16])
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
