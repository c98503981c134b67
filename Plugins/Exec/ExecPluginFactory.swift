public import PluginKit

/// Registers the `exec` kind: makes an ``ExecPlugin`` from a `[[plugins]]` section with the
/// keys ``ExecCommand`` lists.
public struct ExecPluginFactory: PluginFactory {
    /// `exec`.
    public static let kind = "exec"

    /// `exec`.
    public var kind: String { Self.kind }

    /// Creates the factory.
    public init() {}

    /// Reads the command's keys, reporting each problem on `config`; nil when unusable.
    public func makePlugin(instance: String, filter: EventFilter, config: ConfigReader) -> (any Plugin)? {
        guard let command = ExecCommand(config: config) else { return nil }
        return ExecPlugin(instance: instance, filter: filter, command: command)
    }
}
