import Foundation

/// What a configuration may refer to outside its own text: environment variables (for
/// `env:NAME` secrets) and files (for `file:PATH` secrets). Injectable so tests need neither.
public struct ConfigurationEnvironment: Sendable {
    /// Looks up an environment variable.
    public var variable: @Sendable (String) -> String?
    /// Reads a whole file as UTF-8 text, or nil if it cannot be read.
    public var readFile: @Sendable (String) -> String?

    /// Creates an environment from two look-ups.
    public init(variable: @escaping @Sendable (String) -> String?, readFile: @escaping @Sendable (String) -> String?) {
        self.variable = variable
        self.readFile = readFile
    }

    /// The process's own environment and file system.
    public static let process = ConfigurationEnvironment(
        variable: { ProcessInfo.processInfo.environment[$0] },
        readFile: { path in
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return String(data: data, encoding: .utf8)
        })
}
