import Testing
import Switchboard

@Suite("Statuses: AV-1, DIR-5, PROF-9")
struct StatusTests {
    @Test("AV-1 a user sets their own status with an optional until; it expires back to Available")
    func ownStatusWithUntil() throws {
        var h = Harness()
        try h.run(.setAvailability(user: Harness.ann, availability: Availability(.inMeeting, until: h.now + .seconds(3600)), by: Harness.ann))
        #expect(h.state.presence(of: Harness.ann)?.availability.status == .inMeeting)
        h.wait(.seconds(3600))
        #expect(h.state.presence(of: Harness.ann)?.availability == .available)
        let changes = h.data("user.status.changed") { if case .userStatusChanged(let d) = $0 { d } else { nil } }
        #expect(changes.map(\.cause) == [.manual, .expired])
        #expect(changes.map(\.by) == [Harness.ann, nil])
    }

    @Test("AV-1 statuses are extensible: a custom status is not Available")
    func customStatus() throws {
        var h = Harness()
        try h.run(.setAvailability(user: Harness.ann, availability: Availability(AvailabilityStatus(rawValue: "lunch")), by: Harness.ann))
        #expect(h.state.presence(of: Harness.ann)?.availability.status.isAvailable == false)
    }

    @Test("DIR-5 team leaders and admins change others' statuses; users may not")
    func othersStatus() throws {
        var h = Harness()
        try h.run(.setAvailability(user: Harness.ann, availability: Availability(.away), by: Harness.cat))
        try h.run(.setAvailability(user: Harness.ann, availability: Availability(.busy), by: Harness.dan))
        let before = h.state
        #expect(throws: SwitchboardError.self) {
            try h.run(.setAvailability(user: Harness.ann, availability: .available, by: Harness.bob))
        }
        #expect(h.state == before)
        #expect(h.state.presence(of: Harness.ann)?.availability.status == .busy)
    }

    @Test("PROF-9 leaving Available logs out of exactly the remembered queues; returning logs back into exactly those")
    func statusDrivesQueues() throws {
        var h = Harness(settings: [Harness.bob: UserSettings(statusDrivesQueues: true)])
        try h.logIn(Harness.bob, Harness.sales)
        try h.run(.setAvailability(user: Harness.bob, availability: Availability(.inMeeting), by: Harness.bob))
        #expect(h.state.presence(of: Harness.bob)?.memberships.contains { $0.loggedIn } == false)
        #expect(h.state.presence(of: Harness.bob)?.rememberedQueues == [Harness.sales])
        try h.run(.setAvailability(user: Harness.bob, availability: Availability(.away), by: Harness.bob))
        try h.run(.setAvailability(user: Harness.bob, availability: .available, by: Harness.bob))
        #expect(h.state.presence(of: Harness.bob)?.memberships.filter(\.loggedIn).map(\.queue) == [Harness.sales])
        let logins = h.data("member.queue.login") { if case .memberQueueLogin(let d) = $0 { d } else { nil } }
        let logouts = h.data("member.queue.logout") { if case .memberQueueLogout(let d) = $0 { d } else { nil } }
        #expect(logins.map(\.cause) == [.manual, .status])
        #expect(logouts.map(\.cause) == [.status])
        #expect(logouts.map(\.queue) == [Harness.sales])
    }

    @Test("PROF-9 is off unless the user turned it on")
    func statusWithoutPROF9() throws {
        var h = Harness()
        try h.logIn(Harness.bob, Harness.sales)
        try h.run(.setAvailability(user: Harness.bob, availability: Availability(.busy), by: Harness.bob))
        #expect(h.state.presence(of: Harness.bob)?.memberships.filter(\.loggedIn).map(\.queue) == [Harness.sales])
    }

    @Test("PROF-9 logging out by status withdraws a ringing offer; an expired status logs back in")
    func statusRescindsOffer() throws {
        var h = Harness(settings: [Harness.bob: UserSettings(statusDrivesQueues: true)])
        try h.logIn(Harness.bob, Harness.sales)
        let call = try h.arrive(to: Harness.salesNumber)
        #expect(h.ringing(call) == [Harness.bob])
        try h.run(.setAvailability(user: Harness.bob, availability: Availability(.busy, until: h.now + .seconds(5)), by: Harness.cat))
        #expect(h.ringing(call).isEmpty)
        h.wait(.seconds(5))
        #expect(h.ringing(call) == [Harness.bob])
    }
}
