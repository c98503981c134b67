import PluginKit
import SentralbordCLI
import Testing

@Suite("ArgumentParser: options, flags, positionals, usage errors")
struct ArgumentParserTests {
    let interface = CommandInterface(
        path: ["billing", "export"], summary: "Export.",
        options: [.init("from", valueName: "DATE", help: "Start."), .init("format", valueName: "FORMAT", help: "Format.")],
        flags: [.init("json", help: "JSON output.")],
        positionals: [.init("TENANT", help: "Tenant."), .init("FILE", help: "Output.", isOptional: true)])

    @Test func parsesBothOptionFormsFlagsAndPositionals() throws {
        let parsed = try ArgumentParser.parse(["--from", "2026-01-01", "acme", "--format=csv", "--json", "out.csv"], for: interface)
        #expect(parsed.option("from") == "2026-01-01")
        #expect(parsed.option("format") == "csv")
        #expect(parsed.flag("json"))
        #expect(parsed.positionals == ["acme", "out.csv"])
        #expect(!parsed.wantsHelp)
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try ArgumentParser.parse(["--", "--json", "-x"], for: interface)
        #expect(parsed.positionals == ["--json", "-x"])
        #expect(!parsed.flag("json"))
    }

    @Test func optionalPositionalsMayBeLeftOut() throws {
        #expect(try ArgumentParser.parse(["acme"], for: interface).positional(1) == nil)
    }

    @Test func helpWinsOverMissingArguments() throws {
        #expect(try ArgumentParser.parse(["--help"], for: interface).wantsHelp)
        #expect(try ArgumentParser.parse(["-h"], for: interface).wantsHelp)
    }

    @Test(arguments: [
        (["acme", "--to", "x"], "unknown option '--to'; expected one of --from, --format, --json"),
        (["acme", "--from"], "option --from expects a value (DATE)"),
        (["acme", "--from", "--json"], "option --from expects a value (DATE)"),
        (["acme", "--json=yes"], "flag --json takes no value"),
        (["acme", "-x"], "unknown option '-x'; options are written --name"),
        ([], "missing argument TENANT"),
        (["a", "b", "c"], "unexpected argument 'c'"),
    ])
    func usageErrorsSayWhatWasExpected(arguments: [String], message: String) {
        #expect(throws: UsageError(message, usage: "sentralbord billing export [--from DATE] [--format FORMAT] [--json] TENANT [FILE]")) {
            try ArgumentParser.parse(arguments, for: interface)
        }
    }

    @Test func helpTextListsEveryArgument() {
        let help = interface.help
        for word in ["Usage: sentralbord billing export", "TENANT", "--from DATE", "--json", "-h, --help"] {
            #expect(help.contains(word))
        }
    }
}
