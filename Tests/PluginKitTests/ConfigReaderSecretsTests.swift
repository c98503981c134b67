import PluginKit
import Testing

@Suite("ConfigReader.secrets: arrays of env:/file: secrets")
struct ConfigReaderSecretsTests {
    let environment = ConfigurationEnvironment(
        variable: { ["OLD_KEY": "old-value-1", "NEW_KEY": "new-value-2"][$0] },
        readFile: { $0 == "/run/keys/third" ? "third-value\n" : nil })

    @Test func resolvesEachElementInOrder() {
        nonisolated(unsafe) var secrets: [Secret] = []
        let issues = ConfigReader.issues(
            reading: #"keys = ["env:OLD_KEY", "env:NEW_KEY", "file:/run/keys/third"]"#, file: "c.toml", environment: environment
        ) { secrets = $0.secrets("keys") }
        #expect(issues.isEmpty)
        #expect(secrets.map { $0.reveal() } == ["old-value-1", "new-value-2", "third-value"])
        #expect(secrets.map(\.source) == [.environment("OLD_KEY"), .environment("NEW_KEY"), .file("/run/keys/third")])
    }

    @Test func reportsEachBadElementAtItsPositionWithoutItsValue() {
        nonisolated(unsafe) var secrets: [Secret] = []
        let issues = ConfigReader.issues(
            reading: "keys = [\n  \"env:OLD_KEY\",\n  \"env:MISSING\",\n  \"literal-leaked-value\",\n  7,\n]",
            file: "c.toml", environment: environment
        ) { secrets = $0.secrets("keys") }
        #expect(secrets.map { $0.reveal() } == ["old-value-1"])
        #expect(issues.map(\.description) == [
            "c.toml:3:3: keys[1]: environment variable MISSING is not set",
            "c.toml:4:3: keys[2]: a secret must name where it lives, \"env:NAME\" or \"file:PATH\"; it is never written literally",
            "c.toml:5:3: keys[3]: expected \"env:NAME\" or \"file:PATH\", found an integer",
        ])
        #expect(!issues.contains { $0.description.contains("literal-leaked-value") })
    }

    @Test func missingRequiredAndWrongTypeAreReported() {
        let missing = ConfigReader.issues(reading: "other = 1", file: "c.toml", environment: environment) {
            _ = $0.secrets("keys", required: true)
            _ = $0.integer("other", default: 0, in: 0...9)
        }
        #expect(missing.map(\.message) == ["missing required key \"keys\""])
        let wrong = ConfigReader.issues(reading: #"keys = "env:OLD_KEY""#, file: "c.toml", environment: environment) {
            _ = $0.secrets("keys")
        }
        #expect(wrong.map(\.message) == ["expected an array of \"env:NAME\" or \"file:PATH\" strings, found a string"])
    }
}
