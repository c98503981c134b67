/// CMT-1: a comment on a caller's number, visible to the whole company and carried in the
/// next `call.incoming` and `queue.caller.joined` for that number.
public struct CallerComment: Sendable, Hashable, Codable {
    /// Unique in the company, in order of writing.
    public let id: Int
    /// The caller's number the comment is about.
    public let number: PhoneNumber
    /// The text.
    public let text: String
    /// Who wrote it.
    public let author: UserID
    /// When.
    public let addedAt: Timestamp
}
