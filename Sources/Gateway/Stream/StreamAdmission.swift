import Synchronization

/// How many live streams (`GET /api/v1/events`) may be open at once per caller (a user's
/// sessions together, or one API key) and per company, so one integration cannot take every
/// connection the gateway has. A stream holds a ``Lease`` for its life and releases it when it
/// ends; a lease never released explicitly gives its place back when it goes away.
final class StreamAdmission: Sendable {
    /// A stream's place; given back when the lease is released.
    final class Lease: Sendable {
        private let admission: StreamAdmission
        private let tenant: String
        private let principal: String
        private let released = Atomic(false)

        fileprivate init(admission: StreamAdmission, tenant: String, principal: String) {
            self.admission = admission
            self.tenant = tenant
            self.principal = principal
        }

        /// Gives the place back; only the first call counts.
        func release() {
            guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
            admission.release(tenant: tenant, principal: principal)
        }

        deinit { release() }
    }

    /// Why a stream was not admitted.
    enum Refusal: Error, Equatable {
        /// The caller has `limit` streams open.
        case caller(limit: Int)
        /// The company has `limit` streams open.
        case company(limit: Int)
    }

    private struct Counts {
        var byCaller: [String: Int] = [:]
        var byTenant: [String: Int] = [:]
    }

    let perCaller: Int
    let perCompany: Int
    private let counts = Mutex(Counts())

    /// Creates an admission with its two limits.
    init(perCaller: Int, perCompany: Int) {
        self.perCaller = perCaller
        self.perCompany = perCompany
    }

    /// A lease for one more stream of `principal` at `tenant`, or why not.
    func admit(tenant: String, principal: String) -> Result<Lease, Refusal> {
        let key = tenant + "\n" + principal
        let refusal = counts.withLock { counts -> Refusal? in
            let caller = counts.byCaller[key, default: 0]
            let company = counts.byTenant[tenant, default: 0]
            guard caller < perCaller else { return .caller(limit: perCaller) }
            guard company < perCompany else { return .company(limit: perCompany) }
            counts.byCaller[key] = caller + 1
            counts.byTenant[tenant] = company + 1
            return nil
        }
        if let refusal { return .failure(refusal) }
        return .success(Lease(admission: self, tenant: tenant, principal: principal))
    }

    private func release(tenant: String, principal: String) {
        let key = tenant + "\n" + principal
        counts.withLock { counts in
            let caller = counts.byCaller[key, default: 1] - 1
            counts.byCaller[key] = caller > 0 ? caller : nil
            let company = counts.byTenant[tenant, default: 1] - 1
            counts.byTenant[tenant] = company > 0 ? company : nil
        }
    }
}
