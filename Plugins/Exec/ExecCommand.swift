public import PluginKit
public import Foundation

/// What an exec instance runs: an executable, its arguments, and the environment it gets.
///
/// Configuration keys (beside the host's own `name`, `kind`, `types`, … in the same
/// `[[plugins]]` table):
/// - `command` (required): the executable's path, relative to the configuration file's folder
///   unless absolute; it must be an executable regular file when the configuration is read.
/// - `arguments` (default none): strings passed as they are, no shell involved.
/// - `pass_environment` (default none): names of the gateway's environment variables the
///   plugin gets too. The gateway's environment holds other plugins' secrets, so a plugin
///   gets only `PATH`, `HOME`, `LANG`, `LC_ALL`, `TZ`, `TMPDIR` (those that are set),
///   `SENTRALBORD_PLUGIN_INSTANCE` (its instance name), and the variables named here.
///
/// Printing a command shows the executable, the arguments and the names of the passed
/// variables, never their values (they may be tokens).
public struct ExecCommand: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// The executable's absolute (or working-directory-relative) path.
    public var executable: String
    /// Its arguments.
    public var arguments: [String]
    /// The variables it gets besides the basic ones, by name and value.
    public var passedEnvironment: [String: String]

    /// Creates a command.
    public init(executable: String, arguments: [String] = [], passedEnvironment: [String: String] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.passedEnvironment = passedEnvironment
    }

    /// `executable arguments… (environment: NAME, …)`, values of variables left out.
    public var description: String {
        let names = passedEnvironment.keys.sorted().joined(separator: ", ")
        return ([executable] + arguments).joined(separator: " ") + (names.isEmpty ? "" : " (environment: \(names))")
    }

    /// Shows the description only, so `dump` and debuggers do not reveal variable values.
    public var customMirror: Mirror { Mirror(self, children: ["command": description]) }

    /// Reads the keys above from a plugin's section, reporting every problem on `config`;
    /// nil when the section is unusable. Variables named in `pass_environment` are read from
    /// `environment`; one that is not set is reported.
    public init?(config: ConfigReader, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let command = config.requiredText("command").map(config.resolvePath)
        if let command, let problem = Self.problem(withExecutable: command) {
            config.report("command", problem)
        }
        let arguments = config.strings("arguments")
        var passed: [String: String] = [:]
        var missing = false
        for name in config.strings("pass_environment") {
            guard let value = environment[name] else {
                config.report("pass_environment", "environment variable \(name) is not set")
                missing = true
                continue
            }
            passed[name] = value
        }
        guard let command, Self.problem(withExecutable: command) == nil, !missing else { return nil }
        self.init(executable: command, arguments: arguments, passedEnvironment: passed)
    }

    /// What keeps `path` from being run, or nil when it is an executable regular file.
    public static func problem(withExecutable path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return "\(path) does not exist"
        }
        guard !isDirectory.boolValue else { return "\(path) is a directory, not an executable file" }
        guard FileManager.default.isExecutableFile(atPath: path) else { return "\(path) is not executable" }
        return nil
    }

    /// The environment the plugin instance `instance` runs with.
    func environment(instance: String, gateway: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var environment = gateway.filter { Self.basicVariables.contains($0.key) }
        environment.merge(passedEnvironment) { _, passed in passed }
        environment["SENTRALBORD_PLUGIN_INSTANCE"] = instance
        return environment
    }

    private static let basicVariables: Set<String> = ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR"]
}
