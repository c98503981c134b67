import Switchboard
import TelephonySimulator

/// The benchmark's company: users with mobile numbers, each a member of two queues with
/// priorities 1–3, every queue with a short wrap-up.
enum BenchmarkCompany {
    static func make(users userCount: Int, queues queueCount: Int) -> TenantDirectory {
        let users = (0..<userCount).map { index in
            User(id: UserID("u\(index)"), name: "User \(index)", department: "D\(index % 7)",
                 mobile: try! PhoneNumber(parsing: "+47\(90_000_000 + index)"))
        }
        let queues = (0..<queueCount).map { queue in
            let members = (0..<userCount).filter { $0 % queueCount == queue || ($0 + 7) % queueCount == queue }
                .map { QueueMember(user: UserID("u\($0)"), priority: 1 + $0 % 3) }
            return CallQueue(
                id: QueueID("q\(queue)"), name: "Queue \(queue)", mainNumber: try! PhoneNumber(parsing: "+47\(22_000_000 + queue)"),
                ringTimeout: .seconds(15), maxWait: .seconds(300), wrapUp: .seconds(5),
                afterMaxWait: queue % 2 == 0 ? .voicemail : .hangUp, members: members)
        }
        return try! TenantDirectory(tenant: TenantID("bench"), name: "Bench AS", users: users, queues: queues)
    }

    static func logEveryoneIn(_ simulation: inout Simulation, _ directory: TenantDirectory) {
        for queue in directory.queues {
            for member in queue.members {
                try! simulation.perform(.logIn(user: member.user, queue: queue.id, by: member.user))
            }
        }
    }
}
