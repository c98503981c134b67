/// What a user may do beyond their own settings (LOGIN-3).
public enum UserRole: String, Sendable, CaseIterable, Codable, Comparable {
    /// Changes only their own status and settings.
    case user
    /// May also change colleagues' statuses (DIR-5).
    case teamLeader = "team_leader"
    /// May change everything in their company.
    case admin

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// Orders roles by power: `user < teamLeader < admin`.
    public static func < (lhs: UserRole, rhs: UserRole) -> Bool { lhs.rank < rhs.rank }
}
