import Foundation
import PluginKit

/// The bytes of a billing export as they are built: CSV fields quoted only when they must be
/// (RFC 4180), amounts from integer øre, times as RFC 3339 UTC with milliseconds.
struct BillingOutput {
    let format: BillingExportRequest.Format
    var bytes: [UInt8] = []
    private var firstRow = true

    /// An empty output in `format`, with room for `capacity` bytes.
    init(format: BillingExportRequest.Format, capacity: Int) {
        self.format = format
        bytes.reserveCapacity(capacity)
    }

    /// The bytes built so far; the output is empty afterwards (with the same room).
    mutating func take() -> [UInt8] {
        let taken = bytes
        bytes.removeAll(keepingCapacity: true)
        return taken
    }

    private var separator: UInt8 { format == .csvNB ? UInt8(ascii: ";") : UInt8(ascii: ",") }
    private var decimal: String { format == .csvNB ? "," : "." }

    static let detailColumns = [
        "id", "accepted_at", "tenant", "user", "department", "queue", "purpose", "recipient", "encoding", "segments",
        "provider_segments", "segment_mismatch", "unit_price", "net", "vat", "gross", "status", "provider",
        "provider_message_id",
    ]
    static let totalColumns = ["group_by", "group", "messages", "segments", "net", "vat", "gross"]

    mutating func header(request: BillingExportRequest) {
        switch format {
        case .csv, .csvNB:
            csvLine(Self.detailColumns)
        case .json:
            append("{\"from\":\"\(RFC3339.string(from: request.from))\",\"to\":\"\(RFC3339.string(from: request.to))\",")
            append("\"tenant\":")
            jsonString(request.tenant)
            append(",\"groupBy\":\"\(request.groupBy.rawValue)\",\"currency\":\"NOK\",\"vatPercent\":\(BillingAmount.vatPercent),\"rows\":[")
        }
    }

    /// One charged row.
    mutating func row(_ row: ChargedRow) {
        let vat = BillingAmount.vat(onNet: row.netOre)
        switch format {
        case .csv, .csvNB:
            integer(row.id)
            bytes.append(separator)
            timestamp(row.acceptedAt)
            csvFields(row.tenant, row.user, row.department, row.queue, row.purpose, row.recipient, row.encoding)
            bytes.append(separator)
            integer(Int64(row.segments))
            bytes.append(separator)
            if let providerSegments = row.providerSegments { integer(Int64(providerSegments)) }
            bytes.append(separator)
            integer(row.segmentMismatch ? 1 : 0)
            bytes.append(separator)
            amount(row.unitPriceOre)
            bytes.append(separator)
            amount(row.netOre)
            bytes.append(separator)
            amount(vat)
            bytes.append(separator)
            amount(row.netOre + vat)
            csvFields(row.status, row.provider, row.providerMessageID)
            bytes.append(UInt8(ascii: "\n"))
        case .json:
            if !firstRow { bytes.append(UInt8(ascii: ",")) }
            firstRow = false
            append("{\"id\":")
            integer(row.id)
            append(",\"acceptedAt\":\"")
            timestamp(row.acceptedAt)
            append("\"")
            jsonMember("tenant", row.tenant)
            jsonMember("user", row.user)
            jsonMember("department", row.department)
            jsonMember("queue", row.queue)
            jsonMember("purpose", row.purpose)
            jsonMember("recipient", row.recipient)
            jsonMember("encoding", row.encoding)
            append(",\"segments\":")
            integer(Int64(row.segments))
            append(",\"providerSegments\":")
            if let providerSegments = row.providerSegments { integer(Int64(providerSegments)) } else { append("null") }
            append(",\"segmentMismatch\":\(row.segmentMismatch ? "true" : "false"),\"unitPriceOre\":")
            integer(Int64(row.unitPriceOre))
            append(",\"netOre\":\(row.netOre),\"vatOre\":\(vat),\"grossOre\":\(row.netOre + vat)")
            jsonMember("status", row.status)
            jsonMember("provider", row.provider)
            jsonMember("providerMessageId", row.providerMessageID)
            append("}")
        }
    }

    /// Each field after a separator.
    private mutating func csvFields(_ fields: String?...) {
        for field in fields {
            bytes.append(separator)
            csvField(field)
        }
    }

    /// `,"name":` and the value as a JSON string (or null).
    private mutating func jsonMember(_ name: String, _ value: String?) {
        append(",\"\(name)\":")
        jsonString(value)
    }

    mutating func footer(_ totals: BillingTotals, groupBy: BillingExportRequest.GroupBy) {
        switch format {
        case .csv, .csvNB:
            bytes.append(UInt8(ascii: "\n"))
            csvLine(Self.totalColumns)
            for line in totals.groups { totalLine(groupBy.rawValue, line) }
            totalLine("total", totals.total)
        case .json:
            append("],\"groups\":[")
            for (index, line) in totals.groups.enumerated() {
                if index > 0 { append(",") }
                append("{\"\(groupBy.rawValue)\":")
                jsonString(line.group)
                jsonTotals(line)
            }
            append("],\"total\":{\"messages\":\(totals.total.messages)")
            jsonTotalsBody(totals.total)
            append("}}\n")
        }
    }

    private mutating func totalLine(_ name: String, _ line: BillingTotals.Line) {
        csvField(name)
        bytes.append(separator)
        csvField(name == "total" ? "" : line.group)
        bytes.append(separator)
        append("\(line.messages)")
        bytes.append(separator)
        append("\(line.segments)")
        for value in [line.netOre, line.vatOre, line.grossOre] {
            bytes.append(separator)
            amount(value)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func jsonTotals(_ line: BillingTotals.Line) {
        append(",\"messages\":\(line.messages)")
        jsonTotalsBody(line)
        append("}")
    }

    private mutating func jsonTotalsBody(_ line: BillingTotals.Line) {
        append(",\"segments\":\(line.segments),\"netOre\":\(line.netOre),\"vatOre\":\(line.vatOre),\"grossOre\":\(line.grossOre)")
    }

    private mutating func csvLine(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(separator) }
            csvField(field)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func csvField(_ text: String?) {
        guard let text else { return }
        let quote = UInt8(ascii: "\"")
        let needsQuotes = text.utf8.contains { $0 == separator || $0 == quote || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(quote)
        for byte in text.utf8 {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }

    private mutating func jsonString(_ text: String?) {
        guard let text else {
            append("null")
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0..<0x20:
                append(String(format: "\\u%04x", Int(byte)))
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var width = 1
        var limit: UInt64 = 10
        while width < 19, magnitude >= limit {
            width += 1
            limit *= 10
        }
        pad(magnitude, width)
    }

    /// `ore` as kroner: `1234` → `12.34` (`12,34` in csv-nb).
    private mutating func amount(_ ore: Int) {
        if ore < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = Int64(ore.magnitude)
        integer(magnitude / 100)
        append(decimal)
        let cents = magnitude % 100
        bytes.append(UInt8(ascii: "0") + UInt8(cents / 10))
        bytes.append(UInt8(ascii: "0") + UInt8(cents % 10))
    }

    /// Milliseconds since 1970 as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    private mutating func timestamp(_ milliseconds: Int64) {
        RFC3339.append(millisecondsSince1970: milliseconds, to: &bytes)
    }

    private mutating func pad(_ value: UInt64, _ width: Int) {
        var divisor: UInt64 = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
