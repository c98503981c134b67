public import PluginKit
/// Parses a command's arguments (the words after its name) against its interface.
public enum ArgumentParser {
    /// Parses `arguments`: `--name value`, `--name=value`, flags, `-h`/`--help` and positionals;
    /// `--` ends options.
    ///
    /// - Throws: `UsageError` for an unknown option, a missing value, a value given to a flag,
    ///   too many or too few positional arguments.
    public static func parse(_ arguments: [String], for interface: CommandInterface) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        func fail(_ message: String) -> UsageError { UsageError(message, usage: interface.usage) }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                parsed.wantsHelp = true
                continue
            }
            guard argument.hasPrefix("--") else {
                throw fail("unknown option '\(argument)'; options are written --name")
            }
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
            if let option = interface.options.first(where: { $0.name == name }) {
                if let inlineValue {
                    parsed.options[name] = inlineValue
                } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                    parsed.options[name] = arguments[index]
                    index += 1
                } else {
                    throw fail("option --\(name) expects a value (\(option.valueName))")
                }
            } else if interface.flags.contains(where: { $0.name == name }) {
                if inlineValue != nil { throw fail("flag --\(name) takes no value") }
                parsed.flags.insert(name)
            } else {
                let known = (interface.options.map(\.name) + interface.flags.map(\.name)).map { "--\($0)" }
                let hint = known.isEmpty ? "this command takes no options" : "expected one of \(known.joined(separator: ", "))"
                throw fail("unknown option '--\(name)'; \(hint)")
            }
        }
        if parsed.wantsHelp { return parsed }
        let required = interface.positionals.filter { !$0.isOptional }
        if parsed.positionals.count < required.count {
            let missing = required[parsed.positionals.count...].map(\.name).joined(separator: " ")
            throw fail("missing argument \(missing)")
        }
        if parsed.positionals.count > interface.positionals.count {
            let extra = parsed.positionals[interface.positionals.count...].joined(separator: " ")
            throw fail("unexpected argument '\(extra)'")
        }
        return parsed
    }
}
