import PluginKit

/// Users' profile pictures (PROF-1): the checked image bytes and their type, per company
/// and user.
public final class ProfilePictureTable: Sendable {
    /// A stored picture.
    public struct Picture: Sendable, Equatable {
        /// `image/png`, `image/jpeg`, `image/gif` or `image/webp`.
        public var contentType: String
        /// The image.
        public var bytes: [UInt8]
        /// Milliseconds since 1970.
        public var updatedAt: Int64

        /// Creates a picture.
        public init(contentType: String, bytes: [UInt8], updatedAt: Int64) {
            self.contentType = contentType
            self.bytes = bytes
            self.updatedAt = updatedAt
        }
    }

    private let database: DatabaseQueue

    /// Uses `database`, whose schema is current (``StorageSchema/migrate(_:plugins:)``).
    public init(database: DatabaseQueue) {
        self.database = database
    }

    /// The picture of `user`, or nil.
    public func picture(tenant: String, user: String) async throws -> Picture? {
        try await database.access { database in
            let select = try database.prepare("SELECT content_type, bytes, updated_at FROM profile_picture WHERE tenant = ? AND user_id = ?")
            try select.bind([.text(tenant), .text(user)])
            guard try select.step() else { return nil }
            let row = select.namedRow()
            return Picture(contentType: try row.get("content_type"), bytes: try row.get("bytes"), updatedAt: try row.get("updated_at"))
        }
    }

    /// Stores `picture` as `user`'s, replacing the old one; nil removes it. Returns whether a
    /// picture was there before.
    @discardableResult
    public func setPicture(_ picture: Picture?, tenant: String, user: String) async throws -> Bool {
        try await database.access { database in
            let existed = try database.prepare("SELECT 1 FROM profile_picture WHERE tenant = ? AND user_id = ?")
            try existed.bind([.text(tenant), .text(user)])
            let hadOne = try existed.step()
            if let picture {
                try database.execute(
                    "INSERT OR REPLACE INTO profile_picture (tenant, user_id, content_type, bytes, updated_at) VALUES (?, ?, ?, ?, ?)",
                    [.text(tenant), .text(user), .text(picture.contentType), .blob(picture.bytes), .integer(picture.updatedAt)])
            } else {
                try database.execute("DELETE FROM profile_picture WHERE tenant = ? AND user_id = ?", [.text(tenant), .text(user)])
            }
            return hadOne
        }
    }
}
