/// The product's version, shown by `sentralbord version` and `GET /api/v1/version`.
public enum SentralbordVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
