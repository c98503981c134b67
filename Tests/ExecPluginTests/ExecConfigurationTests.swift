import ExecPlugin
import Foundation
import PluginKit
import Testing

@Suite("Exec configuration: command checks and the environment passed on")
struct ExecConfigurationTests {
    /// Makes the plugin from `section`, as if the file were `folder/c.toml`.
    func make(_ section: String, folder: String = "/etc/sentralbord", environment: [String: String] = [:]) -> (plugin: (any Plugin)?, issues: [String]) {
        nonisolated(unsafe) var plugin: (any Plugin)?
        let issues = ConfigReader.issues(reading: "[[plugins]]\n" + section, file: "\(folder)/c.toml") { root in
            for table in root.tables("plugins") {
                plugin = ExecCommand(config: table, environment: environment).map { ExecPlugin(instance: "logger", filter: .all, command: $0) }
            }
        }
        return (plugin, issues.map(\.description))
    }

    @Test func aRelativeCommandResolvesAgainstTheConfigFolder() throws {
        let path = try PluginScripts.install(PluginScripts.acknowledger, name: "my-plugin")
        let folder = (path as NSString).deletingLastPathComponent
        let (plugin, issues) = make(
            "command = \"my-plugin\"\narguments = [\"--verbose\", \"two words\"]\npass_environment = [\"CRM_TOKEN\"]",
            folder: folder, environment: ["CRM_TOKEN": "t-1"])
        #expect(issues.isEmpty)
        let exec = try #require(plugin as? ExecPlugin)
        #expect(exec.command == ExecCommand(executable: path, arguments: ["--verbose", "two words"], passedEnvironment: ["CRM_TOKEN": "t-1"]))
        #expect(exec.identity == PluginIdentity(kind: "exec", instance: "logger"))
        #expect("\(exec)" == "exec/logger → \(path)")
    }

    @Test func theFactoryMakesAnExecPlugin() throws {
        let path = try PluginScripts.install(PluginScripts.acknowledger)
        nonisolated(unsafe) var plugin: (any Plugin)?
        let issues = ConfigReader.issues(reading: "command = \"\(path)\"", file: "c.toml") {
            plugin = ExecPluginFactory().makePlugin(instance: "logger", filter: .all, config: $0)
        }
        #expect(issues.isEmpty)
        #expect((plugin as? ExecPlugin)?.command.executable == path)
        #expect(ExecPluginFactory().kind == "exec")
    }

    @Test func unusableCommandsAreReportedAtTheKey() throws {
        let script = try PluginScripts.install(PluginScripts.acknowledger)
        let notExecutable = script + ".txt"
        try "data".write(toFile: notExecutable, atomically: true, encoding: .utf8)
        let folder = (script as NSString).deletingLastPathComponent
        for (command, message) in [
            ("/nonexistent/plugin", "/nonexistent/plugin does not exist"),
            (folder, "\(folder) is a directory, not an executable file"),
            (notExecutable, "\(notExecutable) is not executable"),
        ] {
            let (plugin, issues) = make("command = \"\(command)\"")
            #expect(plugin == nil)
            #expect(issues == ["/etc/sentralbord/c.toml:2:11: plugins[0].command: \(message)"])
        }
    }

    @Test func missingCommandAndUnsetVariablesAreReported() {
        let (plugin, issues) = make("pass_environment = [\"NOT_SET_ANYWHERE\"]")
        #expect(plugin == nil)
        #expect(issues == [
            "/etc/sentralbord/c.toml:1:1: plugins[0]: missing required key \"command\"",
            "/etc/sentralbord/c.toml:2:20: plugins[0].pass_environment: environment variable NOT_SET_ANYWHERE is not set",
        ])
    }
}
