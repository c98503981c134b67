/// A user of a company's directory (DIR-1): who they are, how to reach them, what they may do.
public struct User: Sendable, Hashable, Codable, Identifiable {
    /// Unique in the company.
    public let id: UserID
    /// The name shown in the directory.
    public var name: String
    /// The department, when set.
    public var department: String?
    /// The email address, when set (DIR-2 offers email only then).
    public var email: String?
    /// The mobile number, when set (DIR-2 offers SMS only then).
    public var mobile: PhoneNumber?
    /// The IP/Teams number, when set.
    public var ipNumber: PhoneNumber?
    /// What the user may do beyond their own settings.
    public var role: UserRole
    /// The language the user is served in (I18N-1).
    public var language: Language
    /// The user's profile choices.
    public var settings: UserSettings

    /// A user; a user without any number can use the console but cannot be rung.
    public init(
        id: UserID, name: String, department: String? = nil, email: String? = nil, mobile: PhoneNumber? = nil,
        ipNumber: PhoneNumber? = nil, role: UserRole = .user, language: Language = .nb, settings: UserSettings = UserSettings()
    ) {
        self.id = id
        self.name = name
        self.department = department
        self.email = email
        self.mobile = mobile
        self.ipNumber = ipNumber
        self.role = role
        self.language = language
        self.settings = settings
    }

    /// The number of `device`, if the user has one.
    public func number(of device: Device) -> PhoneNumber? {
        switch device {
        case .mobile: mobile
        case .ipNumber: ipNumber
        }
    }

    /// AV-2: the device used to call out and pick up: the chosen one if the user has that
    /// number, else the mobile, else the IP number; nil if the user has no number.
    public var activeDevice: Device? {
        if let chosen = settings.activeDevice, number(of: chosen) != nil { return chosen }
        if mobile != nil { return .mobile }
        return ipNumber != nil ? .ipNumber : nil
    }

    /// PROF-4: the device that answers direct and transferred calls first.
    public var answeringDevice: Device? {
        if let chosen = settings.transferDefault, number(of: chosen) != nil { return chosen }
        return activeDevice
    }

    /// PROF-7: the devices a direct call rings, in ringing order, with whether they ring at
    /// the same time.
    public var ringingDevices: (devices: [Device], together: Bool) {
        guard let first = answeringDevice else { return ([], true) }
        let other: Device = first == .mobile ? .ipNumber : .mobile
        guard number(of: other) != nil else { return ([first], true) }
        return ([first, other], settings.parallelRinging)
    }
}
