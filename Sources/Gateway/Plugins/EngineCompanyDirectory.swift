import PluginKit
import Switchboard

/// A company's directory and call log as plugins read them (``CompanyDirectory``), answered
/// from the company's engine: only committed state, only this company.
struct EngineCompanyDirectory: CompanyDirectory {
    let runtime: TenantRuntime

    var company: String { runtime.tenant.rawValue }

    func user(_ id: String) async -> CompanyUser? {
        await runtime.read { state in
            state.presence(of: UserID(id)).map { presence in
                let user = presence.user
                return CompanyUser(
                    id: user.id.rawValue, name: user.name, mobile: user.mobile?.e164, email: user.email, department: user.department,
                    language: user.language.rawValue, role: user.role.rawValue)
            }
        }
    }

    func call(_ id: String, visibleTo viewer: String?) async -> CompanyCall? {
        guard let call = CallID(id) else { return nil }
        let viewer = viewer.map(UserID.init)
        return await runtime.readCallLog { log in
            guard let entry = log[call], viewer == nil || entry.queue != nil || entry.user == viewer || entry.fromUser == viewer else {
                return nil
            }
            return CompanyCall(
                id: entry.call.description, from: entry.from.e164, queue: entry.queue?.rawValue, user: entry.user?.rawValue,
                fromUser: entry.fromUser?.rawValue)
        }
    }

    func phoneNumber(_ text: String) -> Result<String, PhoneNumberIssue> {
        do {
            return .success(try PhoneNumber(parsing: text).e164)
        } catch {
            return .failure(PhoneNumberIssue(reason: error.reason))
        }
    }
}
