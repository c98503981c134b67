// sms-crash-probe DATABASE URL COUNT: sends COUNT SMS (`req-0` … `req-N`, purpose phone) through
// `SMSService` with the SQLite ledger at DATABASE and the generic HTTP provider posting to URL
// (the body carries the idempotency key and this process's pid, so the peer can kill it at a
// chosen moment). It first sends whatever a killed run left reserved, as the gateway's loop
// does after a restart. Prints `done` when every request is accepted.
import Foundation
import HTTPClient
import PluginKit
import SMSPlugin
import Storage

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: sms-crash-probe DATABASE URL COUNT\n".utf8))
    exit(64)
}
let ledger = DatabaseSMSLedger(database: try SQLitePluginDatabase.open(path: arguments[1], kind: SMSPluginFactory.kind, schema: SMSSchema.schema))
var settings = SMSSettings()
settings.provider = .http(
    url: arguments[2], method: .post, bodyTemplate: "ref={key}&pid=\(getpid())&to={to}", contentType: "application/x-www-form-urlencoded",
    authorization: nil, messageIDField: "id", timeout: .seconds(10))
let logger = Logger(label: "probe", sink: StreamLogSink(minimumLevel: .warning, format: .text))
let service = SMSService(
    settings: settings, ledger: ledger, provider: settings.provider.makeProvider(http: HTTPSession(), logger: logger), logger: logger)
await service.flushDue()
for index in 0..<count {
    let record = try await service.send(
        SMSSendRequest(requestID: "req-\(index)", tenant: "acme", purpose: .phone, recipient: "+4791100000", text: "Melding \(index)"))
    guard record.status.isCharged else {
        FileHandle.standardError.write(Data("req-\(index) is \(record.status)\n".utf8))
        exit(1)
    }
}
print("done")
