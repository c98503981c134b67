public import PluginKit
import Foundation

/// Sends SMS for every purpose, through the ledger: the one place that quotes, checks limits,
/// records, calls the provider and charges. The SMS plugin uses it for missed-call notices;
/// the gateway's API calls ``send(_:)`` for the others and ``quote(_:tenant:)`` for quotes.
///
/// Every SMS is reserved in the ledger under its idempotency key before the provider is
/// called, and accepted (charged) only after the provider accepted it. Rows still reserved —
/// waiting for the merge window, refused for now by the provider, or left by a crash — are sent
/// by ``flushDue()``, which ``run()`` calls every second. One service sends one row at a time
/// per row id, so the loop and a direct send never send the same row concurrently.
///
/// A login code's text is never written to the ledger (nor, through it, to the database file
/// or its WAL): the row keeps the text with its digits masked, the text itself stays in this
/// actor's memory until the row is final. A login code left reserved by a restart is dropped:
/// a new code is one request away, and the old one has expired by then.
public actor SMSService {
    /// The instance's settings.
    public nonisolated let settings: SMSSettings
    /// The ledger.
    public nonisolated let ledger: any SMSLedger
    /// The provider.
    public nonisolated let provider: any SMSProvider
    private let clock: any PluginClock
    private let logger: Logger
    private let departmentOf: @Sendable (_ tenant: String, _ user: String) async -> String?
    private let rateLimiter = RateLimiter(window: .seconds(3600))
    private var inFlight: Set<Int64> = []
    private var notBefore: [Int64: (date: Date, failures: Int)] = [:]
    private var loginCodeTexts: [String: String] = [:]

    /// Creates a service; `departmentOf` looks a user's department up for the ledger.
    public init(
        settings: SMSSettings, ledger: any SMSLedger, provider: any SMSProvider, clock: any PluginClock = SystemPluginClock(),
        logger: Logger, departmentOf: @escaping @Sendable (_ tenant: String, _ user: String) async -> String? = { _, _ in nil }
    ) {
        self.settings = settings
        self.ledger = ledger
        self.provider = provider
        self.clock = clock
        self.logger = logger
        self.departmentOf = departmentOf
    }

    /// The quote of `text` at `tenant`'s price and the instance's part limit.
    public nonisolated func quote(_ text: String, tenant: String) throws(SMSQuoteError) -> SMSQuote {
        try SMSQuote(text: text, partLimit: settings.partLimit, unitPriceOre: settings.unitPriceOre(tenant: tenant))
    }

    /// Sends one SMS now and returns its ledger row (`accepted` when the provider accepted it).
    /// Sending a request with the same `requestID`, recipient and purpose again returns the
    /// first one's row without sending or charging again (a row still `reserved` is sent again).
    ///
    /// Throws ``SMSSendError``: `invalidText`, `invalidRecipient`, `rateLimited` (login codes),
    /// `spendCapReached` — nothing recorded; `refused` — recorded as `released`;
    /// `unavailable` — recorded as `reserved` and sent later by ``run()``.
    public func send(_ request: SMSSendRequest) async throws(SMSSendError) -> SMSLedgerRecord {
        let quote: SMSQuote
        do {
            quote = try self.quote(request.text, tenant: request.tenant)
        } catch {
            throw SMSSendError(.invalidText, error.message)
        }
        guard Self.isE164(request.recipient) else {
            throw SMSSendError(.invalidRecipient, "the recipient must be an E.164 number such as +4791234567")
        }
        let now = clock.now()
        let key = SMSReservation.key(eventID: request.requestID, recipient: request.recipient, purpose: request.purpose)
        if let existing = try await attempt({ try await self.ledger.record(forKey: key) }) {
            // A repeated request: its row is final, or still reserved and sent again now
            // (limits and cap were checked when it was first recorded).
            guard existing.status == .reserved else { return existing }
            return try await settle(existing)
        }
        if request.purpose == .loginCode {
            let limits = [
                (key: "number|\(request.tenant)|\(request.recipient)", limit: settings.loginCodesPerNumber),
                (key: "client|\(request.clientAddress ?? "-")", limit: request.clientAddress == nil ? 0 : settings.loginCodesPerClient),
                (key: "tenant|\(request.tenant)", limit: settings.loginCodesPerTenant),
            ]
            guard rateLimiter.take(limits, at: now) == nil else {
                throw SMSSendError(.rateLimited, "too many login codes requested this hour; try again later")
            }
        }
        let stored = request.purpose == .loginCode ? Self.maskingDigits(request.text) : request.text
        if request.purpose == .loginCode { loginCodeTexts[key] = request.text }
        var department = request.department
        if department == nil, let user = request.user { department = await departmentOf(request.tenant, user) }
        let reservation = SMSReservation(
            idempotencyKey: key, tenant: request.tenant, user: request.user,
            department: department, queue: request.queue,
            purpose: request.purpose, recipient: request.recipient, text: stored, quote: quote, mergeGroup: nil,
            createdAt: now, sendAfter: now, expiresAt: now.addingTimeInterval(settings.expiry))
        let cap = spendCap(tenant: request.tenant, at: now)
        let outcome: SMSReservationOutcome
        do {
            outcome = try await attempt({ try await self.ledger.reserve(reservation, within: cap) })
        } catch {
            loginCodeTexts[key] = nil
            throw error
        }
        switch outcome {
        case .reserved(let record):
            return try await settle(record)
        case .existing(let record):
            guard record.status == .reserved else {
                loginCodeTexts[key] = nil
                return record
            }
            return try await settle(record)
        case .overSpendCap(let committed):
            loginCodeTexts[key] = nil
            let limit = cap?.limitOre ?? 0
            throw SMSSendError(
                .spendCapReached,
                "the monthly SMS spend cap of \(BillingAmount.kroner(limit)) NOK is reached (\(BillingAmount.kroner(committed)) NOK used); the message was not sent")
        }
    }

    /// Sends a reserved row now and says how it ended.
    private func settle(_ record: SMSLedgerRecord) async throws(SMSSendError) -> SMSLedgerRecord {
        switch await dispatch(record) {
        case .accepted(let accepted): return accepted
        case .released(let reason): throw SMSSendError(.refused, "the SMS provider refused the message: \(reason)")
        case .dropped(let reason): throw SMSSendError(.unavailable, "the message was not sent: \(reason)")
        case .later(let error): throw SMSSendError(.unavailable, "the SMS provider is unavailable (\(error.message)); the message will be sent when it answers")
        }
    }

    /// Records a missed-call notice (PA-1): merged into a waiting SMS to the same user about the
    /// same caller when one is within the merge window, otherwise reserved to be sent when the
    /// window has passed; dropped (recorded, not sent) when older than the expiry. Due rows are
    /// then sent. Returns what happened to the notice; throws `.transient` when the ledger
    /// cannot be written (the event is delivered again).
    public func notify(_ notice: MissedCallNotice) async throws(PluginError) -> MissedCallOutcome {
        let now = clock.now()
        let time = Self.clockTime(notice.occurredAt, in: settings.timeZone)
        let language = notice.language
        let text = SMSTemplates.missedCall(count: 1, caller: notice.caller, time: time, queue: notice.queue, language: language)
        let quote: SMSQuote
        do {
            quote = try self.quote(text, tenant: notice.tenant)
        } catch {
            throw .permanent("the missed-call text cannot be sent: \(error.message)")
        }
        let department = await departmentOf(notice.tenant, notice.user)
        let reservation = SMSReservation(
            idempotencyKey: SMSReservation.key(eventID: notice.eventID, recipient: notice.recipient, purpose: .missedCall),
            tenant: notice.tenant, user: notice.user, department: department, queue: notice.queue,
            purpose: .missedCall, recipient: notice.recipient, text: text, quote: quote,
            mergeGroup: "\(notice.user)|\(notice.recipient)|\(notice.caller)", createdAt: notice.occurredAt,
            sendAfter: notice.occurredAt.addingTimeInterval(settings.mergeWindow),
            expiresAt: notice.occurredAt.addingTimeInterval(settings.expiry))
        do {
            if now > reservation.expiresAt {
                let outcome = try await ledger.reserve(reservation, within: nil)
                if let record = outcome.record, record.status == .reserved {
                    try await ledger.finishUncharged(id: record.id, status: .dropped, reason: "expired before it could be sent", at: now)
                    logger.notice(
                        "missed-call SMS dropped: expired",
                        ["event": notice.eventID, "to": SMSReservation.mask(notice.recipient), "ageSeconds": String(Int(now.timeIntervalSince(notice.occurredAt)))])
                }
                return .dropped
            }
            let settings = self.settings
            let tenant = notice.tenant
            let cap = spendCap(tenant: tenant, at: now)
            var merged: SMSLedgerRecord?
            if settings.mergeWindow > 0 {
                let since = notice.occurredAt.addingTimeInterval(-settings.mergeWindow)
                merged = try await ledger.merge(reservation, since: since, within: cap) { count in
                    let text = SMSTemplates.missedCall(count: count, caller: notice.caller, time: time, queue: notice.queue, language: language)
                    let quote = (try? SMSQuote(text: text, partLimit: SMSQuote.maximumPartLimit, unitPriceOre: settings.unitPriceOre(tenant: tenant))) ?? quote
                    return (text, quote)
                }
            }
            if let merged, merged.idempotencyKey != reservation.idempotencyKey {
                return .merged(into: merged.id, notices: merged.noticeCount)
            }
            let record: SMSLedgerRecord
            if let merged {
                record = merged
            } else if let reserved = try await ledger.reserve(reservation, within: cap).record {
                record = reserved
            } else {
                _ = try await ledger.recordDropped(reservation, reason: "monthly spend cap reached", at: now)
                logger.warning("missed-call SMS dropped: monthly spend cap reached", ["tenant": notice.tenant, "event": notice.eventID])
                return .dropped
            }
            // Due already (no merge window): send it now; anything else due is the loop's.
            if record.status == .reserved, record.sendAfter <= now {
                _ = await dispatch(record)
            }
            return .recorded(record.id)
        } catch {
            throw .transient("the SMS ledger could not be written: \(error)")
        }
    }

    /// Sends (or drops, when expired) every reserved row that is due and not waiting after a
    /// failure, up to 8 at a time; returns how many reached a final status.
    @discardableResult
    public func flushDue() async -> Int {
        let now = clock.now()
        guard let due = try? await ledger.due(at: now, limit: 256) else { return 0 }
        let ready = due.filter { (notBefore[$0.id]?.date ?? .distantPast) <= now }
        return await withTaskGroup(of: Bool.self) { group in
            var settled = 0
            for (index, record) in ready.enumerated() {
                if index >= 8, let done = await group.next(), done { settled += 1 }
                group.addTask {
                    switch await self.dispatch(record) {
                    case .accepted, .released, .dropped: true
                    case .later: false
                    }
                }
            }
            for await done in group where done { settled += 1 }
            return settled
        }
    }

    /// Calls ``flushDue()`` every `interval` until the task is cancelled.
    public func run(interval: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            await flushDue()
            try? await clock.sleep(for: interval)
        }
    }

    /// A Twilio status callback (form fields `MessageSid`, `MessageStatus`, optional
    /// `NumSegments`, `ErrorCode`) posted to `url` with `signature` (`X-Twilio-Signature`):
    /// verified with the auth token, then recorded. Twilio signs the URL it posted to, which
    /// is `twilio_status_callback_url` when configured (the public https address behind a
    /// proxy), so that one is verified and `url` only without it. Returns false when the signature is wrong
    /// (answer 403) or the provider is not Twilio; true otherwise (answer 204), also for a
    /// status that is not final yet.
    public func handleTwilioStatusCallback(url: String, fields: [(String, String)], signature: String) async throws -> Bool {
        guard case .twilio(_, _, let token, let callbackURL, _) = settings.provider,
            TwilioSignature.isValid(signature: signature, url: callbackURL ?? url, fields: fields, authToken: token)
        else { return false }
        let form = Dictionary(fields, uniquingKeysWith: { first, _ in first })
        guard let sid = form["MessageSid"] ?? form["SmsSid"], let status = form["MessageStatus"] ?? form["SmsStatus"] else { return true }
        let delivered: Bool
        switch status {
        case "delivered", "read": delivered = true
        case "failed", "undelivered": delivered = false
        default: return true
        }
        _ = try await ledger.reportDelivery(
            provider: provider.name, providerMessageID: sid, delivered: delivered,
            providerSegments: form["NumSegments"].flatMap { Int($0) }, reason: form["ErrorCode"].map { "error \($0)" }, at: clock.now())
        return true
    }

    private enum Dispatch {
        case accepted(SMSLedgerRecord)
        case released(String)
        case dropped(String)
        case later(PluginError)
    }

    /// Sends one reserved row unless another call is sending it.
    private func dispatch(_ record: SMSLedgerRecord) async -> Dispatch {
        guard inFlight.insert(record.id).inserted else { return .later(.transient("being sent")) }
        defer { inFlight.remove(record.id) }
        let now = clock.now()
        let outcome = await dispatchOnce(record, at: now)
        switch outcome {
        case .later: break  // sent again later, with the text still held
        case .accepted, .released, .dropped: loginCodeTexts[record.idempotencyKey] = nil
        }
        return outcome
    }

    private func dispatchOnce(_ record: SMSLedgerRecord, at now: Date) async -> Dispatch {
        do {
            guard let recipient = record.recipient, let storedText = record.text else {
                return .dropped("the row has no text any more")
            }
            let text: String
            if record.purpose == .loginCode {
                guard let code = loginCodeTexts[record.idempotencyKey] else {
                    try await ledger.finishUncharged(id: record.id, status: .dropped, reason: "a login code is not kept across a restart", at: now)
                    return .dropped("a login code is not kept across a restart")
                }
                text = code
            } else {
                text = storedText
            }
            if now > record.expiresAt {
                notBefore[record.id] = nil
                try await ledger.finishUncharged(id: record.id, status: .dropped, reason: "expired before it could be sent", at: now)
                logger.notice("SMS dropped: expired", ["key": record.idempotencyKey, "to": record.maskedRecipient])
                return .dropped("expired")
            }
            let receipt: SMSReceipt
            do {
                receipt = try await provider.send(
                    SMSMessage(recipient: recipient, sender: settings.sender, text: text), idempotencyKey: record.idempotencyKey)
            } catch {
                if error.kind == .permanent {
                    try await ledger.finishUncharged(id: record.id, status: .released, reason: error.message, at: clock.now())
                    notBefore[record.id] = nil
                    logger.warning("SMS refused by the provider", ["to": record.maskedRecipient, "error": error.message])
                    return .released(error.message)
                }
                let failures = (notBefore[record.id]?.failures ?? 0) + 1
                let delay: TimeInterval = min(300, pow(2, Double(min(failures, 9))))
                notBefore[record.id] = (clock.now().addingTimeInterval(delay), failures)
                logger.debug("SMS not sent yet", ["to": record.maskedRecipient, "error": error.description])
                return .later(error)
            }
            let stored = try await ledger.accept(id: record.id, provider: provider.name, receipt: receipt, at: clock.now())
            notBefore[record.id] = nil
            guard let stored else { return .later(.transient("the SMS ledger has no row \(record.id)")) }
            return .accepted(stored)
        } catch {
            return .later(.transient("the SMS ledger could not be written: \(error)"))
        }
    }

    /// `text` with every ASCII digit as `*` (same length, so the same quote).
    static func maskingDigits(_ text: String) -> String {
        String(text.map { $0.isASCII && $0.isNumber ? "*" : $0 })
    }

    /// `tenant`'s cap over the month containing `now`, nil when it has none.
    private func spendCap(tenant: String, at now: Date) -> SMSSpendCap? {
        let limit = settings.monthlyCapOre(tenant: tenant)
        guard limit > 0 else { return nil }
        let (start, end) = Self.month(containing: now, in: settings.timeZone)
        return SMSSpendCap(limitOre: limit, from: start, to: end)
    }

    private func attempt<Result: Sendable>(_ body: () async throws -> Result) async throws(SMSSendError) -> Result {
        do {
            return try await body()
        } catch {
            throw SMSSendError(.unavailable, "the SMS ledger is unavailable: \(error)")
        }
    }

    /// Whether `number` is `+` and 7 to 15 digits, the first not 0.
    public static func isE164(_ number: String) -> Bool {
        let digits = number.dropFirst()
        return number.first == "+" && (7...15).contains(digits.count) && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
            && digits.first != "0"
    }

    /// `HH:mm` of `date` in `zone`.
    static func clockTime(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        return "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    /// The start of the calendar month containing `date` in `zone`, and of the next.
    static func month(containing date: Date, in zone: TimeZone) -> (start: Date, end: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.dateInterval(of: .month, for: date)?.start ?? date
        let end = calendar.date(byAdding: .month, value: 1, to: start) ?? date
        return (start, end)
    }
}
