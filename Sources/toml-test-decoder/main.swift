// toml-test's decoder interface: TOML on stdin, tagged JSON on stdout; exit 1 with the
// error on stderr when the input is not valid TOML 1.0.0.
import TOML

do {
    let table = try TOMLParser.parse(utf8: StandardStreams.readInput())
    StandardStreams.writeOutput(TaggedJSON.encode(table) + [UInt8(ascii: "\n")])
} catch {
    StandardStreams.writeError("stdin:\(error)\n")
    StandardStreams.terminate(1)
}
