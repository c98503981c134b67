import Foundation
import HTTPServer
import PluginKit
import Storage
import Switchboard

/// LOGIN-1 and LOGIN-2: one-time codes to a user's phone, sessions after the right code,
/// logout.
///
/// A code is 6 random digits, stored only as an HMAC under a random salt, valid
/// `code_valid_seconds` (default 5 minutes), single use, void after `code_attempts` wrong
/// tries. Requests are rate-limited per number and per client address. A number that is no
/// user's gets a challenge that behaves exactly like a real one but can never be satisfied,
/// so the API does not tell who is a user.
final class LoginService: Sendable {
    /// What the client gets when a code is on its way.
    struct Challenge: Encodable, Sendable {
        /// Send it back with the code.
        let challengeId: String
        /// The code is refused from then on.
        let expiresAt: Timestamp
        /// How the code is delivered.
        let channel: LoginChannel
        /// Digits in the code.
        let codeLength: Int
    }

    /// A new session.
    struct Session: Encodable, Sendable {
        /// The bearer token; shown once.
        let token: String
        /// The session ends then.
        let expiresAt: Timestamp
        /// The user logged in.
        let user: UserID
        /// Their company.
        let tenant: TenantID
    }

    /// The user a number belongs to, for logging in.
    struct Account: Sendable {
        let tenant: TenantID
        let user: UserID
        let language: Language
    }

    static let codeLength = 6

    private let configuration: AuthConfiguration
    private let tables: AccessTables
    private let sender: any LoginCodeSender
    private let findAccount: @Sendable (PhoneNumber, TenantID?, LoginChannel) async -> Account?
    private let logger: Logger
    /// Where codes are delivered from, in the background.
    private let work: BackgroundWork
    private let now: @Sendable () -> Int64
    /// Codes per number and per client address, and verifications per client address, each
    /// within an hour (the keys say which).
    private let limits = RateLimiter(window: .seconds(3600))

    init(
        configuration: AuthConfiguration, tables: AccessTables, sender: any LoginCodeSender, logger: Logger, work: BackgroundWork,
        now: @escaping @Sendable () -> Int64 = { Timestamp.now.millisecondsSinceEpoch },
        findAccount: @escaping @Sendable (PhoneNumber, TenantID?, LoginChannel) async -> Account?
    ) {
        self.configuration = configuration
        self.tables = tables
        self.sender = sender
        self.findAccount = findAccount
        self.logger = logger
        self.work = work
        self.now = now
    }

    /// Sends a code to `number` (the user of `tenant`, when given) over `channel`.
    ///
    /// - Throws: `rate-limited` (429) when the number or the address has had its share,
    ///   `channel-unavailable` (422) when codes cannot go by `channel` here. The code is sent
    ///   in the background; a failed delivery is logged, never told (it would tell who is a user).
    func requestCode(number: PhoneNumber, tenant: TenantID?, channel: LoginChannel, clientAddress: String?) async throws(HTTPError) -> Challenge {
        guard sender.supports(channel) else {
            throw APIProblem.error(
                .unprocessableContent, "channel-unavailable", "This channel cannot deliver codes here",
                detail: "Codes cannot be sent by \(channel.rawValue) on this gateway; use another channel.")
        }
        let now = now()
        if let wait = limits.take("address:\(clientAddress ?? "unknown")", limit: configuration.codesPerAddressPerHour, at: Date(millisecondsSince1970: now)) {
            throw APIProblem.rateLimited("Too many login requests from this address.", retryAfterSeconds: wait)
        }
        if let wait = limits.take("number:\(number.e164)", limit: configuration.codesPerNumberPerHour, at: Date(millisecondsSince1970: now)) {
            throw APIProblem.rateLimited("Too many codes sent to this number; wait before asking again.", retryAfterSeconds: wait)
        }
        let account = await findAccount(number, tenant, channel)
        let code = try Self.randomCode()
        let salt = try Self.random(16)
        let id = AccessToken.base64URL(try Self.random(16))
        let expiresAt = now + Int64(configuration.codeValidSeconds) * 1000
        // Unknown numbers get an unsatisfiable challenge (its hash is of no code).
        let hash: [UInt8]
        do {
            hash = account == nil ? try SecureRandom.bytes(count: 32) : try Self.hash(code, salt: salt)
        } catch {
            throw APIProblem.error(.internalServerError, "internal", "Internal error")
        }
        do {
            try await tables.challenges.insert(
                .init(
                    id: id, tenant: account?.tenant.rawValue ?? "", user: account?.user.rawValue ?? "",
                    salt: salt, codeHash: hash, createdAt: now, expiresAt: expiresAt),
                purgeBefore: now - 86_400_000)
        } catch {
            throw APIProblem.storageUnavailable()
        }
        if let account {
            // Delivered in the background, so a known number answers as fast as an unknown
            // one and a failed delivery does not tell who is a user; failures are logged.
            let sender = self.sender
            let logger = self.logger
            work.submit {
                do {
                    try await sender.send(
                        code: code, to: number, tenant: account.tenant, channel: channel, language: account.language, clientAddress: clientAddress)
                } catch {
                    logger.warning("login code not delivered", ["to": number.masked, "channel": channel.rawValue, "error": String(describing: error)])
                }
            }
        }
        return Challenge(
            challengeId: id, expiresAt: Timestamp(millisecondsSinceEpoch: expiresAt), channel: channel,
            codeLength: Self.codeLength)
    }

    /// Checks `code` for challenge `challengeID` and opens a session.
    ///
    /// - Throws: 401 `invalid-code` (with the attempts left), `code-expired`, `code-used`,
    ///   `too-many-attempts`, `unknown-challenge`; 429 when the address has tried too often.
    func verify(challengeID: String, code: String, clientAddress: String?) async throws(HTTPError) -> Session {
        let now = now()
        let verifications = configuration.codesPerAddressPerHour * configuration.codeAttempts
        if let wait = limits.take("verify:\(clientAddress ?? "unknown")", limit: verifications, at: Date(millisecondsSince1970: now)) {
            throw APIProblem.rateLimited("Too many code attempts from this address.", retryAfterSeconds: wait)
        }
        let taken: LoginChallengeTable.Row?
        do {
            taken = try await tables.challenges.takeAttempt(id: challengeID, now: now, maximum: configuration.codeAttempts)
        } catch {
            throw APIProblem.storageUnavailable()
        }
        guard let row = taken else {
            let current = try? await tables.challenges.row(id: challengeID)
            guard let current else {
                throw APIProblem.error(.unauthorized, "unknown-challenge", "Unknown login challenge", detail: "Ask for a new code.")
            }
            if current.usedAt != nil {
                throw APIProblem.error(.unauthorized, "code-used", "The code was already used", detail: "Each code logs in once; ask for a new code.")
            }
            if current.expiresAt <= now {
                throw APIProblem.error(.unauthorized, "code-expired", "The code has expired", detail: "Ask for a new code.")
            }
            throw APIProblem.error(.unauthorized, "too-many-attempts", "Too many wrong codes", detail: "This code is void; ask for a new one.")
        }
        let matches = (try? Self.hash(code, salt: row.salt)).map { ConstantTime.equals($0, row.codeHash) } ?? false
        guard matches, !row.tenant.isEmpty else {
            let left = max(0, configuration.codeAttempts - row.attempts)
            throw APIProblem.error(
                .unauthorized, left == 0 ? "too-many-attempts" : "invalid-code", left == 0 ? "Too many wrong codes" : "The code is wrong",
                detail: left == 0 ? "This code is void; ask for a new one." : "\(left) attempt(s) left.", extensions: ["attemptsLeft": left])
        }
        let token: String
        let expiresAt = now + Int64(configuration.sessionHours) * 3_600_000
        do {
            guard try await tables.challenges.markUsed(id: challengeID, at: now) else {
                throw APIProblem.error(.unauthorized, "code-used", "The code was already used", detail: "Each code logs in once; ask for a new code.")
            }
            token = try AccessToken.generate(prefix: AccessToken.sessionPrefix)
            try await tables.sessions.insert(
                .init(tokenHash: try AccessToken.hash(token), tenant: row.tenant, user: row.user, createdAt: now, expiresAt: expiresAt),
                purgeBefore: now - 86_400_000)
        } catch let error as HTTPError {
            throw error
        } catch {
            throw APIProblem.storageUnavailable()
        }
        logger.info("logged in", ["tenant": row.tenant, "user": row.user])
        return Session(token: token, expiresAt: Timestamp(millisecondsSinceEpoch: expiresAt), user: UserID(row.user), tenant: TenantID(row.tenant))
    }

    private static func random(_ count: Int) throws(HTTPError) -> [UInt8] {
        do {
            return try SecureRandom.bytes(count: count)
        } catch {
            throw APIProblem.error(.internalServerError, "internal", "Internal error")
        }
    }

    /// Six uniformly random digits (rejection sampling avoids the modulo bias).
    private static func randomCode() throws(HTTPError) -> String {
        while true {
            let bytes = try random(4)
            let value = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let limit = UInt32.max - UInt32.max % 1_000_000
            if value < limit {
                let digits = String(value % 1_000_000)
                return String(repeating: "0", count: codeLength - digits.count) + digits
            }
        }
    }

    private static func hash(_ code: String, salt: [UInt8]) throws -> [UInt8] {
        try HMAC.code(for: Array(code.utf8), key: salt, algorithm: .sha256)
    }
}
