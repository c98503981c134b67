public import PluginKit

/// Registers the `webhook` kind: makes a ``WebhookPlugin`` from a `[[plugins]]` section with
/// the keys ``WebhookEndpoint`` lists.
public struct WebhookPluginFactory: PluginFactory {
    /// `webhook`.
    public static let kind = "webhook"

    /// `webhook`.
    public var kind: String { Self.kind }

    /// Creates the factory.
    public init() {}

    /// Reads the endpoint's keys, reporting each problem on `config`; nil when unusable.
    public func makePlugin(instance: String, filter: EventFilter, config: ConfigReader) -> (any Plugin)? {
        guard let endpoint = WebhookEndpoint(config: config) else { return nil }
        return WebhookPlugin(instance: instance, filter: filter, endpoint: endpoint)
    }
}
