import Foundation
import PluginKit

/// A third-party plugin kind as docs/plugins.md shows one: a table of its own (`notes_entry`),
/// routes under /api/v1/notes and a notification for one user. Its routes are careless on
/// purpose where a test needs them to be: `GET /notes?all=1` reads every row without naming
/// the company, `GET /notes/sms` reads another plugin's table.
struct NotesPluginFactory: PluginFactory {
    var kind: String { "notes" }

    func makePlugin(instance: String, filter: EventFilter, config: ConfigReader) -> (any Plugin)? {
        NotesPlugin(identity: PluginIdentity(kind: kind, instance: instance), filter: filter)
    }

    var schema: PluginSchema? {
        PluginSchema(namespace: "notes", migrations: [
            PluginMigration("create notes_entry", sql: """
                CREATE TABLE notes_entry (
                    id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, author TEXT NOT NULL, about TEXT NOT NULL, text TEXT NOT NULL
                )
                """),
        ])
    }

    func start(instances: [any Plugin], context: PluginKindContext) async throws -> PluginExtensions {
        PluginExtensions(routes: [
            PluginRoute(.post, "/notes", .user) { request in
                let scope = try request.company
                let author = try scope.caller.actingUser
                var body = try request.json()
                let about = body.identifier("about", required: true)
                let text = body.string("text", required: true, maxLength: 500)
                try body.finish()
                guard let about, let text, let database = scope.database else { throw PluginProblem.validationFailed([]) }
                guard await scope.directory.user(about) != nil else { throw PluginProblem.notFound("No user \"\(about)\" in this company.") }
                let id = try await database.write { writer in
                    try writer.execute(
                        "INSERT INTO notes_entry (tenant, author, about, text) VALUES (?, ?, ?, ?)",
                        [.text(scope.company), .text(author), .text(about), .text(text)])
                    return writer.lastInsertedRowID
                }
                try await scope.events.emit([
                    NewEvent(
                        id: "\(scope.company):note:\(id)", type: "notification.note.added", tenant: scope.company, occurredAt: Date(),
                        data: ["about": .string(about), "author": .string(author), "note": .integer(id)], visibility: .user(about)),
                ])
                return try .json(["id": id], statusCode: 201)
            },
            PluginRoute(.get, "/notes", .read) { request in
                let scope = try request.company
                guard let database = scope.database else { throw PluginProblem.storageUnavailable() }
                let everything = request.queryValue("all") == "1"
                let rows = try await database.read { reader in
                    everything
                        ? try reader.rows("SELECT id, tenant, text FROM notes_entry ORDER BY id", [])
                        : try reader.rows("SELECT id, tenant, text FROM notes_entry WHERE tenant = ? ORDER BY id", [.text(scope.company)])
                }
                return try .json(rows.map { try $0.get("text", as: String.self) })
            },
            PluginRoute(.get, "/notes/sms", .admin) { request in
                let scope = try request.company
                let count = try await scope.database?.read { try $0.row("SELECT count(*) AS rows FROM sms_ledger")?.get("rows", as: Int.self) }
                return try .json(["rows": count ?? 0])
            },
        ])
    }
}

/// The kind's instance: it delivers nothing (a plugin may be all routes and tables).
struct NotesPlugin: Plugin {
    let identity: PluginIdentity
    let filter: EventFilter

    func deliver(_ event: EventEnvelope, context: PluginContext) async throws(PluginError) -> DeliveryOutcome {
        .skipped(reason: "notes act through their routes")
    }
}
