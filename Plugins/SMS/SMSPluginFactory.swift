public import PluginKit

/// Registers the `sms` kind: makes an ``SMSPlugin`` from a `[[plugins]]` section with the keys
/// ``SMSSettings`` and ``SMSProviderSettings`` list.
public struct SMSPluginFactory: PluginFactory {
    /// `sms`.
    public static let kind = "sms"

    /// `sms`.
    public var kind: String { Self.kind }

    /// Creates the factory.
    public init() {}

    /// Reads the instance's keys, reporting each problem on `config`; nil when unusable.
    public func makePlugin(instance: String, filter: EventFilter, config: ConfigReader) -> (any Plugin)? {
        guard let settings = SMSSettings(config: config) else { return nil }
        return SMSPlugin(instance: instance, filter: filter, settings: settings)
    }
}
