import PluginKit
import Gateway

/// `sentralbord version`: prints the version.
struct VersionCommand: Command {
    static let interface = CommandInterface(path: ["version"], summary: "Print the version of sentralbord.")

    init(arguments: ParsedArguments) throws(UsageError) {}

    func run(console: Console) async -> ExitCode {
        console.out("sentralbord \(SentralbordVersion.current)\n")
        return .success
    }
}
