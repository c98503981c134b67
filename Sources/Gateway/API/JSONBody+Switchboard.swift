import Foundation
import HTTPServer
import PluginKit
import Switchboard

extension JSONBody {
    /// Parses `request`'s body; an empty body is an empty object when `allowEmpty`.
    init(_ request: HTTPRequest, allowEmpty: Bool = false) throws(PluginProblem) {
        try self.init(request.body, contentType: request.headers["Content-Type"], allowEmpty: allowEmpty)
    }

    /// An email address field that may be `null` (to clear it): `.some(nil)` for null; an
    /// address that is not well-formed (``EmailAddress``) is reported.
    mutating func nullableEmailAddress(_ key: String, maxLength: Int = 1000) -> String?? {
        guard let value = nullableString(key, maxLength: maxLength) else { return nil }
        guard let address = value else { return .some(nil) }
        guard EmailAddress.isWellFormed(address) else {
            report(key, "is not an email address; expected \(EmailAddress.expected)")
            return nil
        }
        return .some(address)
    }

    /// A phone number field, normalized to E.164 (+47 by default).
    mutating func phoneNumber(_ key: String, required: Bool = false) -> PhoneNumber? {
        guard let text = string(key, required: required) else { return nil }
        do {
            return try PhoneNumber(parsing: text)
        } catch {
            report(key, "is not a phone number: \(error.reason)")
            return nil
        }
    }

    /// An identifier field (user, queue): 1–64 of a–z, 0–9, `-`, `_`.
    mutating func identifier<ID: ConfiguredIdentifier>(_ key: String, as type: ID.Type, required: Bool = false) -> ID? {
        identifier(key, required: required).map(ID.init(rawValue:))
    }

    /// A timestamp field in RFC 3339.
    mutating func timestamp(_ key: String, required: Bool = false) -> Timestamp? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = RFC3339.date(from: text) else {
            report(key, "must be a date-time in RFC 3339, e.g. 2026-11-25T14:00:00Z")
            return nil
        }
        return Timestamp(millisecondsSinceEpoch: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }
}
