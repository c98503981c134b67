/// How long to wait before starting a plugin's executable again after it failed (exited,
/// answered garbage, hung): 250 ms after the first failure, doubling with each failure in a
/// row, at most 30 s. A well-formed acknowledgement ends the row.
enum RestartBackoff {
    /// The first wait.
    static let initial = Duration.milliseconds(250)
    /// The longest wait.
    static let maximum = Duration.seconds(30)

    /// The wait after `failures` failures in a row (1 or more).
    static func delay(afterFailures failures: Int) -> Duration {
        let doublings = min(max(failures - 1, 0), 16)
        return min(initial * (1 << doublings), maximum)
    }
}
