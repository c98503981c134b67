/// Process exit statuses, from BSD sysexits.h where one fits.
public enum ExitCode: Int32, Sendable {
    /// Success.
    case success = 0
    /// The command failed at run time.
    case failure = 1
    /// The command line was wrong (EX_USAGE).
    case usage = 64
    /// A service the command needs could not be reached or bound (EX_UNAVAILABLE).
    case unavailable = 69
    /// An internal error (EX_SOFTWARE).
    case software = 70
    /// The configuration is wrong (EX_CONFIG).
    case configuration = 78
}
