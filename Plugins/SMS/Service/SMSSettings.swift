public import PluginKit
public import Foundation

/// Everything an SMS instance is configured with, beside its provider.
///
/// Configuration keys (in the instance's `[[plugins]]` table, with the provider's keys, see
/// ``SMSProviderSettings``):
/// - `sender` (default `Sentralbord`): the sender id or number shown to recipients.
/// - `unit_price_ore` (0…10000, default 49): the price of one segment in øre excl. VAT.
/// - `part_limit` (1…255, default 10): the most parts one SMS may have.
/// - `merge_window_seconds` (0…3600, default 60): a missed-call notice waits this long for
///   more from the same caller to the same user, and they go as one SMS.
/// - `expiry_seconds` (60…86400, default 900): a notice not sent this long after the call is
///   dropped (recorded, not sent).
/// - `time_zone` (default `Europe/Oslo`): for the time in texts and for month boundaries.
/// - `monthly_cap_ore` (0 = none, default 0): the most a company may spend a month, in øre.
/// - `login_codes_per_number_per_hour` (default 5), `login_codes_per_client_per_hour`
///   (default 10), `login_codes_per_tenant_per_hour` (default 200); 0 means unlimited.
/// - `[[plugins.tenant_settings]]` with `tenant` and optionally `unit_price_ore` and
///   `monthly_cap_ore`: per-company overrides.
public struct SMSSettings: Sendable {
    /// Per-company overrides.
    public struct TenantSettings: Sendable, Hashable {
        /// The price of one segment in øre, if not the instance's.
        public var unitPriceOre: Int?
        /// The monthly cap in øre (0 = none), if not the instance's.
        public var monthlyCapOre: Int?

        /// Creates overrides.
        public init(unitPriceOre: Int? = nil, monthlyCapOre: Int? = nil) {
            self.unitPriceOre = unitPriceOre
            self.monthlyCapOre = monthlyCapOre
        }
    }

    /// The sender id.
    public var sender = "Sentralbord"
    /// The price of one segment in øre excl. VAT.
    public var unitPriceOre = SMSQuote.defaultUnitPriceOre
    /// The most parts one SMS may have.
    public var partLimit = SMSQuote.defaultPartLimit
    /// How long a missed-call notice waits for more from the same caller.
    public var mergeWindow: TimeInterval = 60
    /// How long after the call a notice may still be sent.
    public var expiry: TimeInterval = 900
    /// The time zone of texts and months.
    public var timeZone = TimeZone(identifier: "Europe/Oslo") ?? .gmt
    /// The monthly cap per company in øre; 0 means none.
    public var monthlyCapOre = 0
    /// Login codes per number per hour (0 = unlimited).
    public var loginCodesPerNumber = 5
    /// Login codes per client address per hour (0 = unlimited).
    public var loginCodesPerClient = 10
    /// Login codes per company per hour (0 = unlimited).
    public var loginCodesPerTenant = 200
    /// Per-company overrides, by tenant id.
    public var tenants: [String: TenantSettings] = [:]
    /// The provider.
    public var provider: SMSProviderSettings = .log

    /// The defaults above, with the log provider.
    public init() {}

    /// Reads the keys above and the provider's, reporting each problem on `config`; nil when
    /// the section is unusable.
    public init?(config: ConfigReader) {
        sender = config.string("sender", default: sender)
        unitPriceOre = config.integer("unit_price_ore", default: unitPriceOre, in: 0...10_000)
        partLimit = config.integer("part_limit", default: partLimit, in: 1...SMSQuote.maximumPartLimit)
        mergeWindow = TimeInterval(config.integer("merge_window_seconds", default: 60, in: 0...3600))
        expiry = TimeInterval(config.integer("expiry_seconds", default: 900, in: 60...86_400))
        let zoneName = config.string("time_zone", default: "Europe/Oslo")
        if let zone = TimeZone(identifier: zoneName) {
            timeZone = zone
        } else {
            config.report("time_zone", "unknown time zone \"\(zoneName)\"; expected an IANA name such as \"Europe/Oslo\"")
        }
        monthlyCapOre = config.integer("monthly_cap_ore", default: 0, in: 0...Int(Int32.max))
        loginCodesPerNumber = config.integer("login_codes_per_number_per_hour", default: 5, in: 0...1000)
        loginCodesPerClient = config.integer("login_codes_per_client_per_hour", default: 10, in: 0...1000)
        loginCodesPerTenant = config.integer("login_codes_per_tenant_per_hour", default: 200, in: 0...100_000)
        for table in config.tables("tenant_settings") {
            guard let tenant = table.requiredText("tenant") else { continue }
            let price = table.contains("unit_price_ore") ? table.integer("unit_price_ore", default: unitPriceOre, in: 0...10_000) : nil
            let cap = table.contains("monthly_cap_ore") ? table.integer("monthly_cap_ore", default: 0, in: 0...Int(Int32.max)) : nil
            tenants[tenant] = TenantSettings(unitPriceOre: price, monthlyCapOre: cap)
        }
        guard let provider = SMSProviderSettings(config: config) else { return nil }
        self.provider = provider
    }

    /// The price of one segment for `tenant`.
    public func unitPriceOre(tenant: String) -> Int { tenants[tenant]?.unitPriceOre ?? unitPriceOre }

    /// The monthly cap for `tenant` (0 = none).
    public func monthlyCapOre(tenant: String) -> Int { tenants[tenant]?.monthlyCapOre ?? monthlyCapOre }
}
