import Switchboard

/// A small company and a virtual clock around a `SwitchboardState`, for scenario tests.
///
/// Users: ann, bob, eve (users), cat (team leader), dan (admin); eve has both a mobile and
/// an IP number. Queues: support (ann 1, eve 1, bob 2; 20 s ring, 60 s max wait, then
/// voicemail), sales (bob 1, cat 1; overflows into support after 30 s), closed (dan;
/// hangs up after 10 s).
struct Harness {
    var state: SwitchboardState
    var now: Timestamp
    private(set) var events: [SwitchboardEvent] = []
    private(set) var telephony: [TelephonyCommand] = []

    static let start = Timestamp(millisecondsSinceEpoch: 1_767_258_000_000)
    static let ann = UserID("ann"), bob = UserID("bob"), cat = UserID("cat"), dan = UserID("dan"), eve = UserID("eve")
    static let support = QueueID("support"), sales = QueueID("sales"), closed = QueueID("closed")
    static let supportNumber = number("22 00 00 01"), salesNumber = number("22 00 00 02"), closedNumber = number("22 00 00 03")
    static let customer = number("+46 8 123 456 78")

    static func number(_ text: String) -> PhoneNumber { try! PhoneNumber(parsing: text) }
    static func mobile(_ user: UserID) -> PhoneNumber {
        number(["ann": "911 00 001", "bob": "911 00 002", "cat": "911 00 003", "dan": "911 00 004", "eve": "911 00 005"][user.rawValue]!)
    }
    static let eveIP = number("23 00 00 05")

    static func directory(settings: [UserID: UserSettings] = [:]) -> TenantDirectory {
        let roles: [UserID: UserRole] = [cat: .teamLeader, dan: .admin]
        let users = [ann, bob, cat, dan, eve].map { id in
            User(id: id, name: id.rawValue.prefix(1).uppercased() + id.rawValue.dropFirst(), department: "Sales", email: "\(id)@example.no", mobile: mobile(id),
                 ipNumber: id == eve ? eveIP : nil, role: roles[id] ?? .user, language: id == bob ? .en : .nb,
                 settings: settings[id] ?? UserSettings())
        }
        let queues = [
            CallQueue(id: support, name: "Support", mainNumber: supportNumber, ringTimeout: .seconds(20), maxWait: .seconds(60),
                      afterMaxWait: .voicemail, members: [QueueMember(user: ann), QueueMember(user: eve), QueueMember(user: bob, priority: 2)]),
            CallQueue(id: sales, name: "Sales", mainNumber: salesNumber, ringTimeout: .seconds(15), maxWait: .seconds(30),
                      afterMaxWait: .overflow, overflowQueue: support, members: [QueueMember(user: bob), QueueMember(user: cat)]),
            CallQueue(id: closed, name: "Closed", mainNumber: closedNumber, maxWait: .seconds(10), afterMaxWait: .hangUp,
                      members: [QueueMember(user: dan)]),
        ]
        return try! TenantDirectory(tenant: TenantID("acme"), name: "Acme AS", users: users, queues: queues)
    }

    init(settings: [UserID: UserSettings] = [:]) {
        state = SwitchboardState(directory: Self.directory(settings: settings), start: Self.start)
        now = Self.start
    }

    @discardableResult
    mutating func run(_ command: SwitchboardCommand) throws(SwitchboardError) -> SwitchboardEffects {
        let effects = try state.handle(command, at: now)
        record(effects)
        return effects
    }

    @discardableResult
    mutating func wait(_ duration: Duration) -> SwitchboardEffects {
        now = now + duration
        let effects = state.advance(to: now)
        record(effects)
        return effects
    }

    private mutating func record(_ effects: SwitchboardEffects) {
        events += effects.events
        telephony += effects.telephony
    }

    /// A call arrives from `from` for `to`; returns its id.
    mutating func arrive(from: PhoneNumber = customer, to: PhoneNumber) throws(SwitchboardError) -> CallID {
        let effects = try run(.telephony(.arrived(from: from, to: to)))
        return effects.events.first!.callID!
    }

    mutating func logIn(_ user: UserID, _ queue: QueueID) throws(SwitchboardError) {
        try run(.logIn(user: user, queue: queue, by: user))
    }

    /// The leg that rings `user` in `call` now.
    func ringingLeg(of user: UserID, in call: CallID) -> LegID? {
        state.parties(of: call).first { $0.user == user && $0.ringing }?.leg
    }

    /// Users whose phones ring with `call` now.
    func ringing(_ call: CallID) -> [UserID] {
        state.parties(of: call).filter(\.ringing).map(\.user)
    }

    mutating func answer(_ user: UserID, _ call: CallID) throws(SwitchboardError) {
        guard let leg = ringingLeg(of: user, in: call) else { throw SwitchboardError(.unknownLeg, "\(user) is not ringing") }
        try run(.telephony(.answered(leg)))
    }

    func types(of call: CallID) -> [String] { events.filter { $0.callID == call }.map(\.type) }
    func data<T>(_ type: String, _ extract: (EventPayload) -> T?) -> [T] {
        events.filter { $0.type == type }.compactMap { extract($0.payload) }
    }
    var allTypes: [String] { events.map(\.type) }
    var offers: [QueueOfferRingingData] { data("queue.offer.ringing") { if case .queueOfferRinging(let d) = $0 { d } else { nil } } }
    var endings: [CallEndedData] { data("call.ended") { if case .callEnded(let d) = $0 { d } else { nil } } }
}
