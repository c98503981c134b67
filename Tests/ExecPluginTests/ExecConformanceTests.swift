import ExecPlugin
import Foundation
import PluginKit
import PluginKitTesting
import Testing

@Suite("Exec passes the plugin conformance kit")
struct ExecConformanceTests {
    @Test func conforms() async {
        let path = PluginScripts.installed(PluginScripts.tiring)
        let environment = ["CRM_TOKEN": "tok-secret-123"]
        let events = [ExecFixture.event("evt-a", seq: 1)]
        let conformance = PluginConformance(
            makePlugin: {
                nonisolated(unsafe) var plugin: (any Plugin)?
                let text = "command = \"\(path)\"\narguments = [\"\(2 * events.count)\"]\npass_environment = [\"CRM_TOKEN\"]"
                let issues = ConfigReader.issues(reading: text, file: "c.toml") { config in
                    plugin = ExecCommand(config: config, environment: environment).map {
                        ExecPlugin(instance: "logger", filter: .all, command: $0)
                    }
                }
                guard issues.isEmpty, let plugin else { throw ConfigurationError(issues: issues) }
                return plugin
            },
            events: events,
            deliveringContext: { ExecFixture.context() },
            hangingContext: { ExecFixture.context() },
            secrets: ["tok-secret-123"])
        let failures = await conformance.run()
        #expect(failures.isEmpty, "\(failures)")
    }
}
