extension Duration {
    /// The duration in whole milliseconds, at least 1 so that a tiny timeout never turns
    /// into libcurl's 0 ("no timeout").
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(clamping: seconds) &* 1000 &+ Int(attoseconds / 1_000_000_000_000_000))
    }
}
