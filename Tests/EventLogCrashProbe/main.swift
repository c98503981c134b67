// eventlog-crash-probe DATABASE RUN: appends to the event log at DATABASE from concurrent
// tasks until it is killed, writing the id of every acknowledged event to standard output,
// one per line, as soon as its append returns. Event ids are `RUN-task-n`.
import Foundation
import PluginKit
import Storage

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: eventlog-crash-probe DATABASE RUN\n".utf8))
    exit(64)
}
let log = try EventLog.open(path: arguments[1])
try await AcknowledgingAppender(log: log, run: arguments[2]).run(tasks: 16)
